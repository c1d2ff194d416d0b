package dev.baselinewatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time spent by the threads whose name starts with a prefix (a Flink task's threads are named
 * after its operators), sampled every 50 ms while a job runs: a task thread's time is gone once it
 * ends, so the last reading of each is kept. Divides a task's work by the core time it really had,
 * not by the wall time it shared the machine with the rest of the job.
 */
final class ThreadCpu implements AutoCloseable {

    private final String prefix;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> lastReading = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private ThreadCpu(String prefix) {
        this.prefix = prefix;
        this.sampler = new Thread(this::sampleUntilClosed, "thread-cpu-sampler");
        sampler.setDaemon(true);
    }

    static ThreadCpu watch(String threadNamePrefix) {
        ThreadCpu cpu = new ThreadCpu(threadNamePrefix);
        if (!cpu.threads.isThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure a thread's CPU time");
        }
        cpu.threads.setThreadCpuTimeEnabled(true);
        cpu.sampler.start();
        return cpu;
    }

    private void sampleUntilClosed() {
        while (running) {
            sample();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos > 0) {
                    lastReading.merge(info.getThreadId(), nanos, Math::max);
                }
            }
        }
    }

    /** CPU nanoseconds of every matching thread seen so far. */
    long nanos() {
        sample();
        return lastReading.values().stream().mapToLong(Long::longValue).sum();
    }

    int threadsSeen() {
        return lastReading.size();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
    }
}
