package io.parley;

import io.parley.http.ApiProblem;
import io.parley.api.SequenceRoutes;
import io.parley.channel.ChannelModules;
import io.parley.config.ParleyConfig;
import io.parley.enrollment.EnrollmentRequest;
import io.parley.dispatch.ContactCalendar;
import io.parley.domain.Channel;
import io.parley.policy.ContactHistory;
import io.parley.policy.ContactPolicy;
import io.parley.policy.DebtorZones;
import io.parley.sequence.SequenceDefinition;
import io.parley.sequence.SequenceEngine;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;

/**
 * The command-line preview: {@code java -jar parley.jar preview <sequence> <request.json>} prints the contact
 * calendar the sequence would produce for the debtor in the file (an enrollment request body; startAt optional),
 * checked against the rule packs in the configuration. No database, nothing sent.
 */
final class Preview {
    private Preview() {
    }

    static String run(ParleyConfig config, String sequence, Path requestFile, Instant now) throws IOException {
        ChannelModules channels = ChannelModules.registered(java.util.List.of());
        Catalogs catalogs = Catalogs.load(config, channels);
        JsonObject body = new JsonObject(Files.readString(requestFile));
        EnrollmentRequest request;
        try {
            request = SequenceRoutes.previewRequest(sequence, body);
        } catch (ApiProblem problem) {
            throw new IllegalArgumentException(requestFile + ": " + problem.toJson().encodePrettily(), problem);
        }
        SequenceDefinition def = (request.sequenceVersion() == null ? catalogs.sequences().latest(sequence)
                : catalogs.sequences().find(sequence, request.sequenceVersion()))
                .orElseThrow(() -> new IllegalArgumentException("no sequence named '" + sequence + "' in "
                        + config.paths().sequences()));
        ContactCalendar calendar = new ContactCalendar(new SequenceEngine(), new ContactPolicy(catalogs.packs(),
                new DebtorZones(config.policy().defaultZone()), Services.POLICY_HORIZON), catalogs.templates(),
                channels);
        Instant startAt = request.startAt() == null ? now : request.startAt();
        // the arm the case would run (no variant is named on the command line, so this never refuses)
        String variant = SequenceRoutes.variant(def, request, null);
        return SequenceRoutes.preview(calendar, def, variant, request, startAt, config.policy().defaultZone(),
                ContactHistory.none(), java.util.List.of()).encodePrettily();
    }
}
