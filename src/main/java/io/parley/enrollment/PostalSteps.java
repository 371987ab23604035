package io.parley.enrollment;

import io.parley.domain.AddressFormat;
import io.parley.domain.Channel;
import io.parley.domain.ContactPoint;
import io.parley.domain.Debtor;
import io.parley.sequence.SequenceDefinition;
import io.parley.sequence.Step;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A sequence with a step on a postal channel (a letter) sends it to the debtor's postal address, which must then be
 * complete (lines, city, postal code: otherwise the enrollment is refused, naming the field); the address becomes the
 * debtor's contact point on that channel unless the request gave one.
 */
final class PostalSteps {
    private PostalSteps() {
    }

    static Debtor addressed(SequenceDefinition def, Debtor debtor) {
        Set<Channel> postal = new LinkedHashSet<>();
        for (Step step : def.steps()) {
            if (step.channel().format() == AddressFormat.POSTAL) {
                postal.add(step.channel());
            }
            step.fallback().stream().filter(f -> f.channel().format() == AddressFormat.POSTAL)
                    .forEach(f -> postal.add(f.channel()));
        }
        if (postal.isEmpty()) {
            return debtor;
        }
        String why = "is required: sequence " + def.name() + " sends letters to the debtor's postal address";
        if (debtor.address() == null) {
            throw new Refusal.Invalid(List.of(new Refusal.Violation("debtor.address", why)));
        }
        List<String> missing = debtor.address().missingForMail();
        if (!missing.isEmpty()) {
            throw new Refusal.Invalid(missing.stream().map(f -> new Refusal.Violation("debtor.address." + f, why))
                    .toList());
        }
        List<ContactPoint> points = new ArrayList<>(debtor.contactPoints());
        for (Channel channel : postal) {
            if (points.stream().noneMatch(p -> p.channel() == channel)) {
                points.add(new ContactPoint(channel, debtor.address().postalLine(), channel.format().defaultType(),
                        false));
            }
        }
        return new Debtor(debtor.id(), debtor.name(), debtor.locale(), debtor.timeZone(), debtor.address(), points);
    }
}
