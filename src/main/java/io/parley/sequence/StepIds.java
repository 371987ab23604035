package io.parley.sequence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Step ids name one step across the whole sequence: an experiment variant's own steps need ids of their own. */
final class StepIds {
    private StepIds() {
    }

    static void checkUniqueAcrossArms(List<Step> steps, Experiment experiment, Problems problems) {
        Map<String, String> owner = new HashMap<>();
        steps.forEach(s -> owner.put(s.id(), "a step of the sequence"));
        List<Experiment.Variant> variants = experiment.variants();
        for (int i = 0; i < variants.size(); i++) {
            Experiment.Variant v = variants.get(i);
            for (Step s : v.steps()) {
                String before = owner.putIfAbsent(s.id(), "a step of variant '" + v.name() + "'");
                if (before != null) {
                    problems.top().report("experiment.variants[" + i + "].steps", "step id '" + s.id()
                            + "' is already " + before + "; a variant's steps need ids of their own");
                }
            }
        }
    }
}
