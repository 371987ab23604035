package io.parley.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What /proc says about processes: CPU seconds (user + system) and resident memory. */
final class Procs {
    private static final double TICKS = 100.0;

    private Procs() {
    }

    /** CPU seconds a process has used, with those of its children it has waited for. */
    static double cpu(long pid) {
        String[] f = stat(pid);
        if (f == null) {
            return 0;
        }
        return (Long.parseLong(f[13]) + Long.parseLong(f[14]) + Long.parseLong(f[15]) + Long.parseLong(f[16]))
                / TICKS;
    }

    /** CPU seconds of a process and every live process below it (PostgreSQL's backends under the postmaster). */
    static double treeCpu(long root) {
        double total = cpu(root);
        for (long child : children(root)) {
            total += treeCpu(child);
        }
        return total;
    }

    /** Resident set size now, and the peak so far (VmRSS, VmHWM), in MiB. */
    static double[] rssMiB(long pid) {
        double rss = 0;
        double hwm = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kib(line) / 1024.0;
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kib(line) / 1024.0;
                }
            }
        } catch (IOException e) {
            return new double[]{0, 0};
        }
        return new double[]{rss, hwm};
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    private static List<Long> children(long pid) {
        List<Long> out = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                Path file = task.resolve("children");
                if (Files.exists(file)) {
                    for (String p : Files.readString(file).trim().split("\\s+")) {
                        if (!p.isEmpty()) {
                            out.add(Long.parseLong(p));
                        }
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return out;
        }
        return out;
    }

    private static String[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name is in parentheses and may hold spaces: split what follows it
            return ("x x " + s.substring(s.lastIndexOf(')') + 2)).split(" ");
        } catch (IOException e) {
            return null;
        }
    }
}
