package io.flowseg.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.deployment.FolderSnapshot.Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The images' build step, flowseg-prepare-engine-cache (the RUN of src/main/docker/Dockerfile.*), against the
 * packaged application: it unpacks libtorch into ENGINE_CACHE_DIR, and a later start (flowseg-jvm, DJL offline, as
 * the image's entry point runs it) finds everything there and unpacks nothing. Tests run as root here, so they
 * check the permission bits a container's uid 185 would meet rather than a failing write.
 */
class EngineCacheIT {
    private static final Set<PosixFilePermission> WRITE = EnumSet.of(PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    @Test
    void theBuildStepUnpacksLibtorchAndAStartUnpacksNothing(@TempDir Path cache) throws Exception {
        ImageScript.Result build = ImageScript.run(cache, "flowseg-prepare-engine-cache", "cpu");
        assertEquals(0, build.exitCode(), build.output());
        Path libtorch = Path.of(build.line("libtorch: "));
        assertTrue(libtorch.startsWith(cache), "libtorch was loaded from " + libtorch + ", outside " + cache);
        assertEquals(cache.toString(), build.line("engine cache: "));
        for (String library : new String[] {"libtorch.so", "libtorch_cpu.so", "libc10.so"}) {
            assertTrue(Files.size(libtorch.resolve(library)) > 0, library);
        }
        try (Stream<Path> files = Files.list(libtorch)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith("-libdjl_torch.so")), "DJL's JNI library");
        }

        FolderSnapshot prepared = FolderSnapshot.of(cache);
        prepared.entries().forEach((path, entry) -> assertReadableByAllWritableByNone(path, entry));

        ImageScript.Result start = ImageScript.run(cache, "flowseg-jvm", "engine");
        assertEquals(0, start.exitCode(), start.output());
        assertEquals(libtorch.toString(), start.line("libtorch: "));
        assertEquals(prepared, FolderSnapshot.of(cache), "the start changed the engine cache");
    }

    @Test
    void aPreparedFlavorIsLaidOutAsDjlLaysOutTheFlavorItPicks(@TempDir Path prepared, @TempDir Path djls)
            throws Exception {
        // DJL alone, unpacking the flavor this machine selects; then flowseg's --prepare first, DJL after it. Had
        // --prepare missed DJL's layout, DJL would have unpacked its own beside it.
        ImageScript.Result djl = ImageScript.run(djls, "flowseg-jvm", "engine");
        assertEquals(0, djl.exitCode(), djl.output());
        ImageScript.Result ours = ImageScript.run(prepared, "flowseg-jvm", "engine", "--prepare", "cpu");
        assertEquals(0, ours.exitCode(), ours.output());
        assertEquals(ours.line("prepared cpu: "), ours.line("libtorch: "));

        Map<Path, Long> layout = FolderSnapshot.of(prepared).layout();
        assertEquals(FolderSnapshot.of(djls).layout(), layout);
        assertFalse(layout.keySet().stream().anyMatch(p -> p.getFileName().toString().startsWith("unpacking")),
                "a temporary folder was left behind: " + layout.keySet());
    }

    private static void assertReadableByAllWritableByNone(Path path, Entry entry) {
        Set<PosixFilePermission> permissions = entry.permissions();
        assertTrue(permissions.contains(PosixFilePermission.OTHERS_READ), path + " unreadable for uid 185: " + permissions);
        if (entry.folder()) {
            assertTrue(permissions.contains(PosixFilePermission.OTHERS_EXECUTE), path + " closed to uid 185: " + permissions);
        }
        assertTrue(permissions.stream().noneMatch(WRITE::contains), path + " is writable: " + permissions);
    }
}
