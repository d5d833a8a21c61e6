package io.flowseg.engine;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size of this or another process, from /proc (Linux). */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /**
     * The native allocator in use: what the launcher set up ({@code FLOWSEG_ALLOCATOR}), else
     * jemalloc or tcmalloc when preloaded, else the C library's.
     */
    public static String allocator() {
        String launcher = System.getenv().getOrDefault("FLOWSEG_ALLOCATOR", "");
        if (launcher.equals("glibc-tuned")) {
            return "glibc malloc, tuned (one heap, no mmap, never trimmed)";
        }
        String preload = System.getenv().getOrDefault("LD_PRELOAD", "");
        return preload.contains("jemalloc") ? "jemalloc" : preload.contains("tcmalloc") ? "tcmalloc" : "glibc malloc";
    }

    /** Java heap committed and direct (NIO) buffer memory, in MiB: the JVM's share of the RSS. */
    public static String jvmShare() {
        long direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
        return String.format("Java heap committed %.0f MiB, direct buffers %.0f MiB",
                Runtime.getRuntime().totalMemory() / 1048576.0, direct / 1048576.0);
    }

    /** RSS in MiB, or -1 where /proc/self/status is not available. */
    public static double rssMiB() {
        return rssMiB("self");
    }

    /** RSS of another process in MiB, or -1 where its /proc status is not available. */
    public static double rssMiB(long pid) {
        return rssMiB(Long.toString(pid));
    }

    private static double rssMiB(String process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", process, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
