package io.flowseg.model;

import ai.djl.engine.Engine;
import ai.djl.util.ClassLoaderUtils;
import ai.djl.util.Utils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * Unpacks the libtorch natives a {@code pytorch-native-*} jar bundles into DJL's engine cache,
 * laid out as DJL 0.33.0 lays out the flavor it picks itself ({@code ai.djl.pytorch.jni.LibUtils}):
 * {@code <cache>/pytorch/<version>-<flavor>-<classifier>/} with the jar's libraries and
 * {@code <djl version>-libdjl_torch.so}. DJL unpacks only the flavor the machine it runs on
 * selects (cu124 only where a GPU is visible), and {@code PYTORCH_FLAVOR} steers only downloads and
 * {@code PYTORCH_LIBRARY_PATH} folders, so an image built without a GPU needs this to hold the CUDA
 * flavor too. EngineCacheIT checks the layout against DJL's own for the CPU flavor.
 */
public final class BundledNatives {
    private static final String DESCRIPTOR = "native/lib/pytorch.properties";
    private static final String JNI_LIBRARY = System.mapLibraryName("djl_torch");
    private static final String LIBTORCH = System.mapLibraryName("torch");

    private BundledNatives() {
    }

    /** One bundled flavor, as its jar's {@value #DESCRIPTOR} describes it. */
    record Bundle(String version, String flavor, String classifier, List<String> libraries) {
        String folderName() {
            return version + '-' + flavor + '-' + classifier;
        }
    }

    /** The flavors bundled on the class path (cpu, and cu124 in a {@code -Pcuda} build). */
    public static List<String> flavors() {
        return bundles().stream().map(Bundle::flavor).toList();
    }

    /**
     * Unpacks the bundled natives of {@code flavor} into the engine cache ({@code ENGINE_CACHE_DIR},
     * DJL's default {@code ~/.djl.ai}) unless they are there already; returns their folder.
     */
    public static Path prepare(String flavor) throws IOException {
        Bundle bundle = bundles().stream().filter(b -> b.flavor().equals(flavor)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bundled PyTorch natives of flavor " + flavor
                        + " on the class path (bundled: " + String.join(", ", flavors())
                        + "); the CUDA natives come with ./mvnw -Pcuda package"));
        Path cache = Utils.getEngineCacheDir("pytorch");
        Path folder = cache.resolve(bundle.folderName());
        if (!Files.exists(folder.resolve(LIBTORCH))) {
            unpackLibraries(bundle, cache, folder);
        }
        Path jni = folder.resolve(Engine.getDjlVersion() + '-' + JNI_LIBRARY);
        if (!Files.exists(jni)) {
            unpackAtomically("jnilib/" + bundle.classifier() + '/' + bundle.flavor() + '/' + JNI_LIBRARY, jni);
        }
        return folder;
    }

    // Into a temporary folder first, then moved: a half-unpacked folder must never look complete.
    private static void unpackLibraries(Bundle bundle, Path cache, Path folder) throws IOException {
        Files.createDirectories(cache);
        Path temporary = Files.createTempDirectory(cache, "unpacking");
        try {
            for (String library : bundle.libraries()) {
                copyResource("pytorch/" + bundle.flavor() + '/' + bundle.classifier() + '/' + library,
                        temporary.resolve(library));
            }
            Files.move(temporary, folder, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Utils.deleteQuietly(temporary);
        }
    }

    private static void unpackAtomically(String resource, Path target) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), "unpacking", ".tmp");
        try {
            copyResource(resource, temporary);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void copyResource(String resource, Path target) throws IOException {
        try (InputStream in = ClassLoaderUtils.getResourceAsStream(resource)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<Bundle> bundles() {
        try {
            List<Bundle> bundles = new ArrayList<>();
            for (URL url : Collections.list(ClassLoaderUtils.getResources(DESCRIPTOR))) {
                bundles.add(read(url));
            }
            return bundles;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the bundled PyTorch natives", e);
        }
    }

    private static Bundle read(URL url) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(in);
        }
        return new Bundle(properties.getProperty("version"), properties.getProperty("flavor"),
                properties.getProperty("classifier"), List.of(properties.getProperty("libraries", "").split(",")));
    }
}
