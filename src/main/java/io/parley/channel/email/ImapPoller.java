package io.parley.channel.email;

import io.parley.channel.email.inbound.InboundEmail;
import io.parley.channel.email.inbound.InboundEmails;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Polls the reply mailbox over IMAP on a worker thread: every unseen message is parsed, handed to the replies, and
 * marked seen only once that succeeded (a crash reads it again; the reply router records each Message-ID once).
 */
public final class ImapPoller {
    private static final Logger LOG = LoggerFactory.getLogger(ImapPoller.class);
    private static final int MAX_PER_POLL = 200;

    private final Vertx vertx;
    private final WorkerExecutor worker;
    private final EmailReplies replies;
    private final Settings settings;
    private long timer = -1;
    private boolean polling;

    /** Where the mailbox is and how often to look. */
    public record Settings(String host, int port, boolean ssl, String user, String password, String folder,
                           Duration interval) {
    }

    public ImapPoller(Vertx vertx, EmailReplies replies, Settings settings) {
        this.vertx = vertx;
        this.worker = vertx.createSharedWorkerExecutor("imap-poller", 1);
        this.replies = replies;
        this.settings = settings;
    }

    public void start() {
        timer = vertx.setPeriodic(settings.interval().toMillis(), id -> poll());
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        worker.close();
    }

    /** One look at the mailbox; completes with how many messages were taken. */
    public Future<Integer> poll() {
        if (polling) {
            return Future.succeededFuture(0);
        }
        polling = true;
        return worker.executeBlocking(this::fetchUnseen, false)
                .compose(this::handOver)
                .compose(taken -> worker.executeBlocking(() -> markSeen(taken), false))
                .onComplete(ar -> {
                    polling = false;
                    if (ar.failed()) {
                        LOG.warn("Reading the reply mailbox {}@{} failed", settings.folder(), settings.host(), ar.cause());
                    }
                });
    }

    /** A message read without marking it seen, with its IMAP UID. */
    private record Fetched(long uid, byte[] raw) {
    }

    private List<Fetched> fetchUnseen() throws Exception {
        return inFolder(folder -> {
            Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
            List<Fetched> fetched = new ArrayList<>();
            for (int i = 0; i < unseen.length && i < MAX_PER_POLL; i++) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                unseen[i].writeTo(out);
                fetched.add(new Fetched(((UIDFolder) folder).getUID(unseen[i]), out.toByteArray()));
            }
            return fetched;
        });
    }

    /** Hands each message to the replies; returns the UIDs of those taken (the others are read again next time). */
    private Future<List<Long>> handOver(List<Fetched> messages) {
        List<Long> taken = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (Fetched message : messages) {
            chain = chain.compose(v -> worker.<InboundEmail>executeBlocking(() -> InboundEmails.parse(message.raw()), false)
                    .compose(replies::receive)
                    .map(takenAs -> {
                        taken.add(message.uid());
                        return (Void) null;
                    })
                    .recover(e -> {
                        LOG.warn("An inbound email could not be taken; it is read again at the next poll", e);
                        return Future.succeededFuture();
                    }));
        }
        return chain.map(taken);
    }

    private Integer markSeen(List<Long> uids) throws Exception {
        if (uids.isEmpty()) {
            return 0;
        }
        return inFolder(folder -> {
            long[] ids = uids.stream().mapToLong(Long::longValue).toArray();
            folder.setFlags(((UIDFolder) folder).getMessagesByUID(ids), new Flags(Flags.Flag.SEEN), true);
            return ids.length;
        });
    }

    private interface FolderWork<T> {
        T apply(Folder folder) throws Exception;
    }

    private <T> T inFolder(FolderWork<T> work) throws Exception {
        Properties p = new Properties();
        String protocol = settings.ssl() ? "imaps" : "imap";
        p.put("mail." + protocol + ".connectiontimeout", "10000");
        p.put("mail." + protocol + ".timeout", "20000");
        p.put("mail." + protocol + ".peek", "true"); // reading does not mark a message seen
        Store store = Session.getInstance(p).getStore(protocol);
        store.connect(settings.host(), settings.port(), settings.user(), settings.password());
        try {
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                return work.apply(folder);
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

}
