package io.tagwarden.forward;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Sends the outbox: claims due jobs ({@link OutboxStore}), delivers each on a virtual thread (at most
 * {@code concurrency} at once), and records the outcome — delivered; retried later with backoff or the vendor's
 * Retry-After; dead after the last try or on a rejection. Every instance runs one; claims never overlap. Off with
 * {@code tagwarden.forward.worker-enabled=false} (an instance that only ingests).
 */
@Context
@Requires(property = "tagwarden.forward.worker-enabled", notEquals = "false")
class OutboxWorker {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    private final OutboxStore store;
    private final JobSender sender;
    private final ForwardConfiguration config;
    private final Clock clock;
    private final String owner;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight;
    private final Thread thread;
    private volatile boolean running = true;

    OutboxWorker(OutboxStore store, JobSender sender, ForwardConfiguration config, Clock clock, RandomGenerator random) {
        this.store = store;
        this.sender = sender;
        this.config = config;
        this.clock = clock;
        this.owner = config.instanceId() != null && !config.instanceId().isBlank() ? config.instanceId()
                : hostName() + "-" + HexFormat.of().toHexDigits(random.nextInt());
        this.inFlight = new Semaphore(config.concurrency());
        this.thread = Thread.ofPlatform().name("tagwarden-outbox").daemon(true).start(this::loop);
    }

    String owner() {
        return owner;
    }

    private void loop() {
        while (running) {
            try {
                Instant now = clock.instant();
                List<ClaimedJob> jobs = store.claim(owner, now, now.plus(config.lease()), config.claimBatch());
                if (jobs.isEmpty()) {
                    Thread.sleep(config.pollInterval().toMillis());
                    continue;
                }
                List<Future<OutboxStore.Result>> sent = jobs.stream().map(job -> executor.submit(() -> sendOne(job))).toList();
                List<OutboxStore.Result> results = new ArrayList<>(sent.size());
                for (Future<OutboxStore.Result> f : sent) {
                    OutboxStore.Result r = f.get();
                    if (r != null) {
                        results.add(r);
                    }
                }
                // One commit for the batch; if it fails, the leases run out and the jobs are tried again.
                store.record(owner, results, clock.instant());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warn("Outbox worker: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    /** Null when the job could not be tried (shutting down, a bug): its lease runs out and it is tried again. */
    private OutboxStore.Result sendOne(ClaimedJob job) {
        try {
            inFlight.acquire();
            try {
                return sender.deliver(job);
            } finally {
                inFlight.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            LOG.warn("Outbox job {} failed: {}", job.id(), e.toString());
            return null;
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(config.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "instance";
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(5));
        executor.shutdownNow();
    }
}
