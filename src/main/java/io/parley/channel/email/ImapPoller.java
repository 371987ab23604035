package io.parley.channel.email;

import io.parley.channel.InboundInbox;
import io.parley.lifecycle.Loop;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads the reply mailbox over IMAP: at every interval, and at once when the server announces new mail over IDLE.
 * Every unseen message is stored raw in the email inbox (which reads and acts on it, and takes it up again when that
 * fails) and marked seen only once it is stored (a crash or a database outage reads it again; the inbox keeps each
 * Message-ID once). Mailbox I/O runs on a worker thread.
 */
public final class ImapPoller extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(ImapPoller.class);
    private static final int MAX_PER_POLL = 200;

    private final InboundInbox inbox;
    private final Settings settings;
    private WorkerExecutor worker;
    private Loop polls;
    private volatile boolean running;
    private volatile Store idleStore;

    /** Where the mailbox is and how often to look. */
    public record Settings(String host, int port, boolean ssl, String user, String password, String folder,
                           Duration interval) {
    }

    public ImapPoller(InboundInbox inbox, Settings settings) {
        this.inbox = inbox;
        this.settings = settings;
    }

    @Override
    public Future<?> start() {
        worker = vertx.createSharedWorkerExecutor("imap-poller", 1);
        running = true;
        polls = new Loop(vertx, settings.interval(), () -> poll().map(false)).startAfterInterval();
        startIdling();
        return Future.succeededFuture();
    }

    private void startIdling() {
        Thread idler = new Thread(this::idle, "imap-idle");
        idler.setDaemon(true);
        idler.start();
    }

    /** Ends the IDLE connection; completes when the poll in hand has finished. */
    @Override
    public Future<?> stop() {
        running = false;
        Store store = idleStore;
        if (store != null) {
            try {
                store.close(); // ends a pending IDLE
            } catch (MessagingException e) {
                LOG.debug("Closing the IDLE connection failed", e);
            }
        }
        return polls.stop().eventually(() -> worker.close());
    }

    /**
     * Where the server supports IMAP IDLE, waits on a connection of its own for new mail and polls as soon as some
     * arrives, so replies are taken within a second rather than at the next interval; otherwise the interval alone
     * applies. Runs on a dedicated thread: IDLE blocks by design.
     */
    private void idle() {
        try {
            inFolder(folder -> {
                idleStore = folder.getStore();
                // what arrived before this connection was listening (while down, or while connecting) is read now:
                // IDLE only announces what comes after it began
                polls.wake();
                if (!(folder instanceof IMAPFolder imap) || !((IMAPStore) folder.getStore()).hasCapability("IDLE")) {
                    LOG.info("IMAP server {} has no IDLE: polling every {}", settings.host(), settings.interval());
                    return null;
                }
                while (running) {
                    imap.idle(true);
                    polls.wake();
                }
                return null;
            });
        } catch (Exception e) {
            if (running) {
                // the connection dropped: polling goes on, and IDLE is tried again after an interval
                LOG.debug("IMAP IDLE connection ended; trying again in {}", settings.interval(), e);
                vertx.setTimer(settings.interval().toMillis(), id -> {
                    if (running) {
                        startIdling();
                    }
                });
            }
        } finally {
            idleStore = null;
        }
    }

    /** One look at the mailbox; completes with how many messages were taken. */
    private Future<Integer> poll() {
        return worker.executeBlocking(this::fetchUnseen, false)
                .compose(this::handOver)
                .compose(taken -> worker.executeBlocking(() -> markSeen(taken), false))
                .onFailure(e -> LOG.warn("Reading the reply mailbox {}@{} failed", settings.folder(), settings.host(), e));
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

    /**
     * Stores each message raw in the inbox, which acts on it; returns the UIDs of those stored (the others, when the
     * database is away, are read again next time).
     */
    private Future<List<Long>> handOver(List<Fetched> messages) {
        List<Long> taken = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (Fetched message : messages) {
            chain = chain.compose(v -> inbox.arrive(RawMail.dedupeKey(message.raw()), RawMail.payload(message.raw()))
                    .map(arrival -> {
                        taken.add(message.uid());
                        return (Void) null;
                    })
                    .recover(e -> {
                        LOG.warn("An inbound email could not be stored; it is read again at the next poll: {}",
                                e.toString());
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
