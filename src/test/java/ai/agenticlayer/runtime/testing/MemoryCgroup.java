package ai.agenticlayer.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A memory cgroup with a limit, as the kubelet gives a container with {@code resources.limits.memory}: the kernel
 * reclaims the group's page cache (the executable's own pages among it) when its charge reaches the limit, and kills
 * the process when anonymous memory alone would exceed it. The benchmark runs the operator in one to find the smallest
 * limit it works in, not only the resident set it reaches when nothing presses it. Needs root and a cgroup file system
 * with the memory controller: v1 ({@code /sys/fs/cgroup/memory}) or v2.
 */
public final class MemoryCgroup {

    private static final Path V1 = Path.of("/sys/fs/cgroup/memory");
    private static final Path V2 = Path.of("/sys/fs/cgroup");

    private final Path dir;
    private final boolean v2;
    private final long limitBytes;

    private MemoryCgroup(Path dir, boolean v2, long limitBytes) {
        this.dir = dir;
        this.v2 = v2;
        this.limitBytes = limitBytes;
    }

    /** A new group {@code name} limited to {@code limit} (Kubernetes quantities: 128Mi, or 128m as -Xmx writes it). */
    public static MemoryCgroup create(String name, String limit) {
        long bytes = parseBytes(limit);
        boolean v2 = !Files.isDirectory(V1) && readOrEmpty(V2.resolve("cgroup.controllers")).contains("memory");
        Path dir = (v2 ? V2 : V1).resolve("agent-runtime-" + name);
        if (!v2 && !Files.isDirectory(V1)) {
            throw new IllegalStateException("-Doperator.memoryLimit needs a memory cgroup: neither " + V1
                    + " nor a cgroup v2 memory controller at " + V2);
        }
        try {
            if (Files.isDirectory(dir)) {
                Files.delete(dir); // left by an earlier run; empty once its process ended
            }
            Files.createDirectory(dir);
            if (v2) {
                Files.writeString(dir.resolve("memory.max"), Long.toString(bytes));
                write(dir.resolve("memory.swap.max"), "0");
            } else {
                Files.writeString(dir.resolve("memory.limit_in_bytes"), Long.toString(bytes));
                write(dir.resolve("memory.memsw.limit_in_bytes"), Long.toString(bytes)); // no swap, as a pod has none
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the memory cgroup " + dir + " (-Doperator.memoryLimit needs root)", e);
        }
        return new MemoryCgroup(dir, v2, bytes);
    }

    /**
     * {@code command}, started inside this group: the shell joins it and then becomes the command, same pid. A JVM runs
     * from a copy of this JDK: the driver's JVM keeps the JDK's files (libjvm.so, the class archive) resident, charged
     * to the driver's group, where a pod reads and is charged for its own.
     */
    public List<String> wrap(List<String> command) {
        return wrap(command, List.of());
    }

    /**
     * As {@link #wrap(List)}, with more {@code files} the command reads (a program a wrapper script starts) evicted from
     * the page cache, so that their pages are charged to this group too.
     */
    public List<String> wrap(List<String> command, List<Path> files) {
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c", "echo $$ > " + dir.resolve("cgroup.procs") + " && exec \"$@\"", "sh"));
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path program = Path.of(command.get(0));
        List<Path> evicted = new ArrayList<>(files);
        if (program.startsWith(javaHome)) {
            Path jdk = privateJdk(javaHome);
            wrapped.add(jdk.resolve(javaHome.relativize(program)).toString());
            evicted.add(jdk);
            int jar = command.indexOf("-jar");
            if (jar > 0) {
                evicted.add(Path.of(command.get(jar + 1)).toAbsolutePath().getParent()); // the jar and its lib/
            }
        } else {
            wrapped.add(command.get(0));
            evicted.add(program);
        }
        wrapped.addAll(command.subList(1, command.size()));
        evictFromPageCache(evicted);
        return wrapped;
    }

    private static Path privateJdk(Path javaHome) {
        Path copy = Path.of("target", "operator-jdk").toAbsolutePath();
        if (!Files.isDirectory(copy)) {
            try {
                // a distribution's JDK may hold dangling links (Debian's src.zip): cp says so, and copies the rest
                new ProcessBuilder("cp", "-rL", javaHome.toString(), copy.toString()).inheritIO().start().waitFor();
                if (!Files.isExecutable(copy.resolve("bin").resolve("java"))) {
                    throw new IllegalStateException("cannot copy " + javaHome + " to " + copy);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return copy;
    }

    public double limitMiB() {
        return limitBytes / (1024.0 * 1024);
    }

    /** The highest charge so far: anonymous memory and page cache (the executable's pages, the log it writes). */
    public double peakMiB() {
        return number(v2 ? "memory.peak" : "memory.max_usage_in_bytes") / (1024 * 1024);
    }

    /**
     * Pages the group's processes had to read back from disk: its executable's first reads, and every page the kernel
     * dropped to stay under the limit and that was needed again. Many more than an unlimited run's means the limit is
     * too tight for the working set (the process thrashes).
     */
    public long majorFaults() {
        return (long) keyed(readOrEmpty(dir.resolve("memory.stat")), "pgmajfault");
    }

    /** Processes of the group the kernel killed for want of memory. */
    public long oomKills() {
        return (long) keyed(readOrEmpty(dir.resolve(v2 ? "memory.events" : "memory.oom_control")), "oom_kill");
    }

    /** The group's state in a line, for logs and failure messages. */
    public String describe() {
        return String.format("memory limit %.0f MiB: peak %.0f MiB, %d major page faults, %d OOM kills", limitMiB(), peakMiB(),
                majorFaults(), oomKills());
    }

    /** Removes the group once its processes have ended. */
    public void remove() {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a process still in it: the next run of the same name removes it
        }
    }

    private static long parseBytes(String quantity) {
        String q = quantity.trim();
        long unit = 1;
        for (String[] suffix : new String[][] {{"Gi", "1073741824"}, {"Mi", "1048576"}, {"Ki", "1024"}, {"g", "1073741824"},
                {"m", "1048576"}, {"k", "1024"}}) {
            if (q.endsWith(suffix[0])) {
                unit = Long.parseLong(suffix[1]);
                q = q.substring(0, q.length() - suffix[0].length());
                break;
            }
        }
        return Long.parseLong(q) * unit;
    }

    private double number(String file) {
        String value = readOrEmpty(dir.resolve(file)).trim();
        return value.isEmpty() ? Double.NaN : Double.parseDouble(value);
    }

    private static double keyed(String content, String key) {
        return content.lines().filter(l -> l.startsWith(key + " ")).mapToDouble(l -> Double.parseDouble(l.substring(key.length() + 1).trim()))
                .findFirst().orElse(Double.NaN);
    }

    /**
     * A page is charged to the group that first reads it. The executable's (or the JDK's and the jars') pages are in the
     * page cache from the build or an earlier run, charged elsewhere: evicted, the operator reads them again into its
     * own group, as a new container reads its image's files. Only these files: dropping the whole page cache
     * ({@code /proc/sys/vm/drop_caches}, until 2026-12-01) also dropped etcd's and the API server's, in the middle of
     * a measurement. GNU dd with {@code iflag=nocache count=0} drops a file's cached pages.
     */
    private static void evictFromPageCache(List<Path> roots) {
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
            for (Path root : roots) {
                new ProcessBuilder("find", root.toString(), "-type", "f", "-exec", "dd", "iflag=nocache", "count=0", "status=none", "if={}", ";")
                        .inheritIO().start().waitFor();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String value) throws IOException {
        if (Files.exists(file)) { // absent when the kernel accounts no swap
            Files.writeString(file, value);
        }
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
