package org.pramaan.service.limits;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * Counts the bytes read from the request and fails once they pass the cap. Counting what is read,
 * not what is declared, is what makes the cap hold for chunked bodies, which have no Content-Length.
 */
final class CappedInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long maxBytes;
    private final Runnable onExceeded;
    private long read;
    private boolean exceeded;

    CappedInputStream(ServletInputStream in, long maxBytes, Runnable onExceeded) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.onExceeded = onExceeded;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public int readLine(byte[] buffer, int offset, int length) throws IOException {
        int n = in.readLine(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws BodyTooLargeException {
        read += n;
        if (read > maxBytes) {
            if (!exceeded) {
                exceeded = true;
                onExceeded.run();
            }
            throw new BodyTooLargeException(maxBytes);
        }
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
