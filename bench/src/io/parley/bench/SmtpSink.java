package io.parley.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An SMTP server that accepts every message and keeps only who it was for and when it came: the benchmark's mail
 * provider, cheap enough that it never limits the service it measures. Speaks just what Jakarta Mail uses.
 */
final class SmtpSink {
    /** One message accepted: its first recipient and when its data ended (epoch microseconds). */
    record Received(String to, long atMicros) {
    }

    private final List<Received> received = new ArrayList<>();
    private NetServer server;

    Future<Integer> start(Vertx vertx, String host) {
        server = vertx.createNetServer();
        server.connectHandler(this::session);
        return server.listen(0, host).map(NetServer::actualPort);
    }

    synchronized List<Received> since(long micros) {
        return received.stream().filter(r -> r.atMicros() >= micros).toList();
    }

    synchronized int count() {
        return received.size();
    }

    private synchronized void accept(String to) {
        received.add(new Received(to, Clock.micros()));
    }

    private void session(NetSocket socket) {
        socket.write("220 sink ESMTP\r\n");
        RecordParser parser = RecordParser.newDelimited("\r\n");
        boolean[] inData = {false};
        String[] to = {null};
        parser.handler(line -> {
            if (inData[0]) {
                if (line.length() == 1 && line.getByte(0) == '.') {
                    inData[0] = false;
                    accept(to[0]);
                    to[0] = null;
                    socket.write("250 2.0.0 accepted\r\n");
                }
                return;
            }
            String command = line.toString().toUpperCase(Locale.ROOT);
            socket.write(answer(command, line, to, inData));
            if (command.startsWith("QUIT")) {
                socket.close();
            }
        });
        socket.handler(parser);
    }

    private static String answer(String command, Buffer line, String[] to, boolean[] inData) {
        if (command.startsWith("EHLO")) {
            return "250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n";
        }
        if (command.startsWith("RCPT")) {
            String text = line.toString();
            if (to[0] == null) {
                to[0] = text.substring(text.indexOf('<') + 1, text.lastIndexOf('>'));
            }
            return "250 2.1.5 ok\r\n";
        }
        if (command.startsWith("DATA")) {
            inData[0] = true;
            return "354 go ahead\r\n";
        }
        if (command.startsWith("QUIT")) {
            return "221 2.0.0 bye\r\n";
        }
        if (command.startsWith("RSET")) {
            to[0] = null;
        }
        return "250 ok\r\n";
    }
}
