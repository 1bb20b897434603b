package org.pramaan.bridge.outbound;

/** A Graph API error, classified by its {@code code} as the Cloud API documentation says to branch. */
public final class GraphApiException extends RuntimeException {

    /** What the sender should do about an error. */
    public enum Action { RETRY, SLOW_DOWN_USER, TEMPLATE, DROP, ALERT_PARAMETER, ALERT_TOKEN, ALERT_TEMPLATE }

    private final int code;
    private final int httpStatus;

    public GraphApiException(int code, int httpStatus, String message) {
        super("Graph API error " + code + " (HTTP " + httpStatus + "): " + message);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Action action() {
        return classify(code, httpStatus);
    }

    static Action classify(int code, int httpStatus) {
        if (code >= 132000 && code <= 132015) {
            return Action.ALERT_TEMPLATE;
        }
        return switch (code) {
            case 130429, 4, 80007, 131000, 131057 -> Action.RETRY;
            case 131056 -> Action.SLOW_DOWN_USER;
            case 131047 -> Action.TEMPLATE;
            case 131026 -> Action.DROP;
            case 100, 131008, 131009 -> Action.ALERT_PARAMETER;
            case 0, 190 -> Action.ALERT_TOKEN;
            // No Graph error body (network trouble, proxy or 5xx): transient by nature.
            case -1 -> httpStatus >= 500 || httpStatus == 429 || httpStatus == 0 ? Action.RETRY : Action.ALERT_PARAMETER;
            default -> httpStatus >= 500 ? Action.RETRY : Action.ALERT_PARAMETER;
        };
    }
}
