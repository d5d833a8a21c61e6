package io.flowseg.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** Which kustomize renders k8s/: the configured one, else kustomize, else kubectl kustomize; none is a failure. */
class KustomizeTest {
    @TempDir
    Path folder;

    @Test
    void configuredBinaryComesFirst() throws IOException {
        Path configured = executable("my-kustomize");
        executable("kustomize");
        assertEquals(configured + " build", Kustomize.locate(configured.toString(), folder.toString()).toString());
    }

    @Test
    void kustomizeOnThePathComesBeforeKubectl() throws IOException {
        executable("kubectl");
        Path kustomize = executable("kustomize");
        assertEquals(kustomize + " build", Kustomize.locate("", folder.toString()).toString());
    }

    @Test
    void kubectlsOwnKustomizeIsTheLastResort() throws IOException {
        Path kubectl = executable("kubectl");
        assertEquals(kubectl + " kustomize", Kustomize.locate("", "/nonexistent:" + folder).toString());
    }

    @Test
    void noKustomizeFailsAndSaysWhereToGetOne() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> Kustomize.locate("", folder.toString()));
        assertTrue(failure.getMessage().contains(".ci/run installs kustomize"), failure.getMessage());
    }

    @Test
    void configuredPathThatIsNoProgramFails() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Kustomize.locate(folder.resolve("missing").toString(), ""));
        assertTrue(failure.getMessage().contains(Kustomize.PROPERTY), failure.getMessage());
    }

    private Path executable(String name) throws IOException {
        return Files.createFile(folder.resolve(name), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
