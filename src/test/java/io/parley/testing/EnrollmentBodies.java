package io.parley.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.ZoneId;

/** Test data: enrollment request bodies as the collection engine sends them. */
public final class EnrollmentBodies {
    private EnrollmentBodies() {
    }

    public static JsonObject request(String caseId, String sequence, String phone, String email, ZoneId zone) {
        JsonArray contacts = new JsonArray();
        if (phone != null) {
            contacts.add(new JsonObject().put("channel", "sms").put("address", phone).put("type", "mobile")
                    .put("consent", true));
        }
        if (email != null) {
            contacts.add(new JsonObject().put("channel", "email").put("address", email).put("type", "personal")
                    .put("consent", true));
        }
        return new JsonObject()
                .put("caseId", caseId)
                .put("sequence", sequence)
                .put("debtor", new JsonObject()
                        .put("id", "debtor-" + caseId)
                        .put("name", "Alex Morgan")
                        .put("locale", "en")
                        .put("timeZone", zone.getId())
                        .put("address", new JsonObject().put("country", "US").put("region", "NY")
                                .put("city", "New York").put("postalCode", "10001")
                                .put("lines", new JsonArray().add("1 Main St")))
                        .put("contactPoints", contacts))
                .put("account", new JsonObject()
                        .put("contractNo", "LN-2026-" + caseId)
                        .put("balance", "1234.50")
                        .put("currency", "USD")
                        .put("daysPastDue", 5)
                        .put("dueDate", "2026-11-18"));
    }
}
