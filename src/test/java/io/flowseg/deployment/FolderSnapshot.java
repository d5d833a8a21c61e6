package io.flowseg.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file and folder below a folder, with its size, modification time and permissions. */
record FolderSnapshot(Map<Path, Entry> entries) {

    record Entry(boolean folder, long size, FileTime modified, Set<PosixFilePermission> permissions) {
    }

    static FolderSnapshot of(Path root) throws IOException {
        Map<Path, Entry> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class);
                entries.put(root.relativize(path), new Entry(attributes.isDirectory(), attributes.size(),
                        attributes.lastModifiedTime(), attributes.permissions()));
            }
        }
        return new FolderSnapshot(entries);
    }

    /** Paths and file sizes only: what two separately unpacked folders share. */
    Map<Path, Long> layout() {
        Map<Path, Long> layout = new TreeMap<>();
        entries.forEach((path, entry) -> layout.put(path, entry.folder() ? -1 : entry.size()));
        return layout;
    }
}
