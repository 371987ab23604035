package io.parley.simulator.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.parley.FreePorts;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * A real SMTP and IMAP server in the service's process for the default run, when no SMTP relay is configured:
 * every email the service sends lands in a local mailbox instead of the internet. Blocking start and stop.
 */
public final class LocalMailServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalMailServer.class);
    private final GreenMail server;
    private final String host;
    private final int smtpPort;
    private final int imapPort;

    private LocalMailServer(GreenMail server, String host, int smtpPort, int imapPort) {
        this.server = server;
        this.host = host;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    /** Ports 0 pick free ports. */
    public static LocalMailServer start(String host, int smtpPort, int imapPort) {
        int smtp = smtpPort == 0 ? FreePorts.pick() : smtpPort;
        int imap = imapPort == 0 ? FreePorts.pick() : imapPort;
        GreenMail server = new GreenMail(new ServerSetup[]{
                new ServerSetup(smtp, host, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, host, ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        LOG.info("Local mail server: SMTP {}:{}, IMAP {}:{} (no relay configured; mail stays on this machine)",
                host, smtp, host, imap);
        return new LocalMailServer(server, host, smtp, imap);
    }

    public String host() {
        return host;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    public List<MimeMessage> received() {
        return List.of(server.getReceivedMessages());
    }

    @Override
    public void close() {
        server.stop();
    }
}
