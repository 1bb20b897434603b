package org.pramaan.service.limits;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * The response the application sees. Once the body cap has answered 413 in its place, whatever the
 * application still writes (typically its own 400 for the read that failed) goes nowhere, so the
 * caller gets one clean 413 even though Spring commits error answers at once.
 */
final class RefusableResponse extends HttpServletResponseWrapper {

    private volatile boolean refused;

    RefusableResponse(HttpServletResponse response) {
        super(response);
    }

    void refuse() {
        refused = true;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        return refused ? Discard.STREAM : super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        return refused ? new PrintWriter(OutputStream.nullOutputStream()) : super.getWriter();
    }

    @Override
    public void setStatus(int status) {
        if (!refused) {
            super.setStatus(status);
        }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        if (!refused) {
            super.sendError(status, message);
        }
    }

    @Override
    public void sendError(int status) throws IOException {
        if (!refused) {
            super.sendError(status);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!refused) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!refused) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setContentType(String type) {
        if (!refused) {
            super.setContentType(type);
        }
    }

    @Override
    public void reset() {
        if (!refused) {
            super.reset();
        }
    }

    @Override
    public void resetBuffer() {
        if (!refused) {
            super.resetBuffer();
        }
    }

    /** An output stream that drops everything. */
    private static final class Discard extends ServletOutputStream {

        static final Discard STREAM = new Discard();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
        }
    }
}
