package io.parley.channel.letter;

import io.parley.channel.ChannelSender;
import io.parley.channel.ChannelServices;
import io.parley.channel.Outbound;
import io.parley.channel.SendResult;
import io.parley.channel.letter.pdf.LetterDocument;
import io.parley.channel.letter.pdf.LetterPdf;
import io.parley.channel.letter.pdf.LetterRenderException;
import io.parley.channel.letter.pdf.RenderedLetter;
import io.parley.channel.letter.store.LetterBatches;
import io.parley.channel.letter.store.LetterRows;
import io.parley.channel.letter.store.NewLetter;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.template.LetterContent;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Sends a letter the way a letter is sent: renders it to PDF on the bounded rendering pool, keeps the PDF with its
 * SHA-256 in the print batch of its day, and answers QUEUED with the batch as the provider's reference. The print
 * house hears of it when the batch closes. A letter that cannot be printed (a character the font lacks) fails; a
 * letter that could not be kept was not sent, and its step runs again.
 */
final class LetterPost implements ChannelSender {
    private static final Logger LOG = LoggerFactory.getLogger(LetterPost.class);
    static final String RENDERED = "letter.rendered";

    private final Pool pool;
    private final WorkerExecutor renderers;
    private final LetterComposer composer;
    private final LetterNotices notices;
    private final PrintSchedule schedule;
    private final ChannelServices services;
    private final Clock clock;
    private final LetterPdf pdf = new LetterPdf();

    LetterPost(Pool pool, WorkerExecutor renderers, LetterComposer composer, LetterNotices notices,
               PrintSchedule schedule, ChannelServices services, Clock clock) {
        this.pool = pool;
        this.renderers = renderers;
        this.composer = composer;
        this.notices = notices;
        this.schedule = schedule;
        this.services = services;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.LETTER;
    }

    @Override
    public String provider() {
        return LetterModule.PROVIDER;
    }

    @Override
    public Future<SendResult> send(Outbound out) {
        Instant now = clock.instant();
        LetterContent content = (LetterContent) out.message();
        return LetterRows.attempt(pool, out.attemptId()).compose(found -> {
            if (found.isEmpty()) {
                return Future.succeededFuture(SendResult.notAttempted("no_attempt", "attempt not found"));
            }
            LetterRows.AttemptFacts attempt = found.get();
            return renderers.<Rendered>executeBlocking(() -> render(out, content, attempt.packs(), now), false)
                    .compose(rendered -> keep(out, attempt, rendered, now))
                    .recover(e -> Future.succeededFuture(failure(out, e)));
        });
    }

    private record Rendered(LetterDocument document, RenderedLetter letter) {
    }

    private Rendered render(Outbound out, LetterContent content, List<String> packs, Instant now) {
        LetterDocument doc = composer.compose(out.attemptId(), out.locale(), content, schedule.letterDate(now),
                notices.forLetter(packs, out.locale()));
        return new Rendered(doc, pdf.render(doc));
    }

    private Future<SendResult> keep(Outbound out, LetterRows.AttemptFacts attempt, Rendered r, Instant now) {
        LocalDate day = schedule.printDay(now);
        NewLetter letter = new NewLetter(out.attemptId(), out.caseId(), attempt.enrollmentId(), attempt.debtorId(),
                r.letter().pages(), r.letter().paper().name(), r.letter().sha256(), r.letter().pdf(),
                r.document().recipient(), out.to());
        List<LetterBatches.Candidate> candidates = List.of(
                new LetterBatches.Candidate(PrintSchedule.batchId(day), schedule.cutoffOf(day)),
                new LetterBatches.Candidate(PrintSchedule.batchId(day.plusDays(1)), schedule.cutoffOf(day.plusDays(1))));
        return LetterBatches.add(pool, letter, candidates, now).compose(batch -> services.note(out.attemptId(),
                RENDERED, new JsonObject().put("attemptId", out.attemptId().toString()).put("batch", batch)
                        .put("pages", letter.pages()).put("paper", letter.paper()).put("sha256", letter.sha256())
                        .put("bytes", letter.pdf().length))
                .map(v -> SendResult.accepted(AttemptStatus.QUEUED, batch)));
    }

    private static SendResult failure(Outbound out, Throwable e) {
        if (e instanceof LetterRenderException || e instanceof IllegalArgumentException) {
            return SendResult.failed("unprintable", e.getMessage());
        }
        LOG.warn("Letter {} could not be kept; its step runs again: {}", out.attemptId(), e.getMessage());
        return SendResult.notAttempted("not_kept", "the letter could not be kept: " + e.getMessage());
    }
}
