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
import java.util.random.RandomGenerator;

/**
 * Sends the outbox: claims due jobs ({@link OutboxStore}), at most {@code concurrency} at a time, delivers each on a
 * virtual thread, and records the batch's outcomes in one transaction — delivered; retried later with backoff or the vendor's
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
    private final int claimSize;
    private final Thread thread;
    private volatile boolean running = true;

    OutboxWorker(OutboxStore store, JobSender sender, ForwardConfiguration config, Clock clock, RandomGenerator random) {
        this.store = store;
        this.sender = sender;
        this.config = config;
        this.clock = clock;
        this.owner = config.instanceId() != null && !config.instanceId().isBlank() ? config.instanceId()
                : hostName() + "-" + HexFormat.of().toHexDigits(random.nextInt());
        // A claim is at most what runs at once, so every claimed job is being sent well within its lease.
        this.claimSize = Math.min(config.claimBatch(), config.concurrency());
        this.thread = Thread.ofPlatform().name("tagwarden-outbox").daemon(true).start(this::loop);
    }

    String owner() {
        return owner;
    }

    private void loop() {
        while (running) {
            try {
                Instant now = clock.instant();
                List<ClaimedJob> jobs = store.claim(owner, now, now.plus(config.lease()), claimSize);
                if (jobs.isEmpty()) {
                    Thread.sleep(config.pollInterval().toMillis());
                    continue;
                }
                List<Future<OutboxStore.Result>> sent = jobs.stream().map(job -> executor.submit(() -> sendOne(job))).toList();
                List<OutboxStore.Result> results = new ArrayList<>(sent.size());
                // Even while shutting down, the batch in flight finishes (bounded by the vendor timeout) and is
                // recorded, so delivered jobs are not sent again after a deploy.
                for (Future<OutboxStore.Result> f : sent) {
                    results.add(awaitQuietly(f));
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

    /** A job that throws is tried again after the backoff like any failure, and dead once its tries are used up. */
    private OutboxStore.Result sendOne(ClaimedJob job) {
        try {
            return sender.deliver(job);
        } catch (RuntimeException | Error e) {
            LOG.warn("Outbox job {} to {} failed: {}", job.id(), job.vendor(), e.toString());
            return sender.again(job, null, "failed in Tagwarden: " + e.getClass().getSimpleName(), null);
        }
    }

    private static OutboxStore.Result awaitQuietly(Future<OutboxStore.Result> f) throws InterruptedException {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
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

    /** Stops claiming, lets the batch in flight finish and be recorded (up to the vendor timeout), then stops. */
    @PreDestroy
    void close() throws InterruptedException {
        running = false;
        thread.join(config.timeout().plus(config.pollInterval()).plusSeconds(2).toMillis());
        executor.shutdownNow();
    }
}
