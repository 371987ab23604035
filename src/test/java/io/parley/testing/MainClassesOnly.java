package io.parley.testing;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Imports only production classes, wherever the build puts its output (ArchUnit's own option expects a
 * directory named target).
 */
public final class MainClassesOnly implements ImportOption {
    @Override
    public boolean includes(Location location) {
        return !location.contains("/test-classes/");
    }
}
