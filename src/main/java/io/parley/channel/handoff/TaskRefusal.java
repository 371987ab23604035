package io.parley.channel.handoff;

/** An outcome the tasks API refuses: an unknown task (404) or one already closed otherwise (409). */
final class TaskRefusal extends RuntimeException {
    private final int status;

    TaskRefusal(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
