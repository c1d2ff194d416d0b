package dev.baselinewatch.bench;

import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.event.EventType;
import dev.baselinewatch.event.InstanceKey;
import dev.baselinewatch.event.RunInfo;
import dev.baselinewatch.event.StatusInfo;
import dev.baselinewatch.event.TopicInfo;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * The source's events for a stream of baseline instances living their lives side by side, made
 * from a sequence number alone (so a parallel generator needs no coordination, and two runs see the
 * same events). {@code concurrent} instances are in flight at once; each gets
 * {@value #EVENTS_PER_LIFE} events over one life: a status, its three key-path nodes, forecast
 * updates, the nodes running and succeeding one after another, and a final finished status. A
 * {@code latePercent} share is late: forecast past the alert time from the start, a DataWorks
 * "slow" event on the middle node, and finished after the committed time, so every alert of their
 * lifecycle opens, updates and resolves. Event time runs forward by {@code stepMillis} an event,
 * so timers (alert time, committed time, cleanup after the grace period) fire as in production.
 */
public final class SyntheticLives implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int EVENTS_PER_LIFE = 12;
    static final long START = LocalDate.of(2026, 12, 3).atStartOfDay().toEpochSecond(java.time.ZoneOffset.ofHours(8)) * 1000;
    static final LocalDate BIZDATE = LocalDate.of(2026, 12, 2);

    private final int concurrent;
    private final long stepMillis;
    private final int latePercent;

    public SyntheticLives(int concurrent, long stepMillis, int latePercent) {
        this.concurrent = concurrent;
        this.stepMillis = stepMillis;
        this.latePercent = latePercent;
    }

    /** DataWorks time one instance lives, from its first event to its last. */
    public long lifeMillis() {
        return (long) concurrent * EVENTS_PER_LIFE * stepMillis;
    }

    public long timeOf(long sequence) {
        return START + sequence * stepMillis;
    }

    public boolean late(long instance) {
        return Math.floorMod(instance * 0x9E3779B97F4A7C15L >>> 32, 100) < latePercent;
    }

    public long instanceOf(long sequence) {
        long perBlock = (long) concurrent * EVENTS_PER_LIFE;
        return sequence / perBlock * concurrent + sequence % perBlock % concurrent;
    }

    public static InstanceKey key(long instance) {
        return new InstanceKey(100_000 + instance, BIZDATE, 1);
    }

    public BaselineEvent event(long sequence) {
        long perBlock = (long) concurrent * EVENTS_PER_LIFE;
        int step = (int) (sequence % perBlock / concurrent);
        long instance = instanceOf(sequence);
        long now = timeOf(sequence);
        long born = now - (long) step * concurrent * stepMillis;
        long life = lifeMillis();
        boolean late = late(instance);
        // Late: committed at three quarters of its life, finished at the end of it.
        long committed = born + (late ? life * 3 / 4 : 2 * life);
        long forecast = born + life + (late ? life / 8 : 0);
        long nodeMillis = life / 4;
        BaselineEvent event = BaselineEvent.of(key(instance), now, "req-" + sequence);
        switch (step) {
            case 0, 4 -> status(event, committed, life, forecast, false, null);
            case 1 -> run(event, instance, 1, "RUNNING", born, null, nodeMillis);
            case 2 -> run(event, instance, 2, "NOT_RUN", null, null, nodeMillis);
            case 3 -> run(event, instance, 3, "NOT_RUN", null, null, nodeMillis);
            case 5 -> run(event, instance, 1, "SUCCESS", born, now, nodeMillis);
            case 6 -> run(event, instance, 2, "RUNNING", now, null, nodeMillis);
            case 7 -> {
                if (late) {
                    topic(event, instance, born);
                } else {
                    status(event, committed, life, forecast - stepMillis, false, null);
                }
            }
            case 8 -> run(event, instance, 2, "SUCCESS", now - 2L * concurrent * stepMillis, now, nodeMillis);
            case 9 -> run(event, instance, 3, "RUNNING", now, null, nodeMillis);
            case 10 -> run(event, instance, 3, "SUCCESS", now - concurrent * stepMillis, now, nodeMillis);
            default -> status(event, committed, life, now, true, now);
        }
        return event;
    }

    private static void status(BaselineEvent event, long committed, long life, long forecast, boolean finished, Long finishedAt) {
        event.type = EventType.STATUS;
        StatusInfo s = new StatusInfo();
        s.baselineName = "ods_trade_orders_daily_" + event.baselineId;
        s.projectId = 10_000L + event.baselineId % 7;
        s.owner = "2087" + event.baselineId % 97;
        s.priority = (int) (event.baselineId % 5) * 2 + 1;
        s.slaTime = committed;
        s.expTime = committed - life / 4;
        s.endCast = forecast;
        s.bufferSeconds = (committed - forecast) / 1000.0;
        s.finished = finished;
        s.finishTime = finishedAt;
        s.status = finished && finishedAt > committed ? "OVER" : forecast > s.expTime ? "DANGEROUS" : "SAFE";
        event.status = s;
    }

    private static void run(BaselineEvent event, long instance, int position, String runStatus, Long began, Long finished,
            long nodeMillis) {
        event.type = EventType.RUN;
        RunInfo r = new RunInfo();
        r.nodeInstanceId = instance * 10 + position;
        r.nodeId = 7_000_000L + instance % 1000 * 10 + position;
        r.nodeName = "dwd_trade_order_detail_step" + position;
        r.owner = "2087" + instance % 97;
        r.prgType = 10;
        r.position = position;
        r.pathLength = 3;
        r.runCount = 1;
        r.cycle = 1;
        r.runStatus = runStatus;
        r.beginRunningTime = began;
        r.finishTime = finished;
        r.beginCast = event.observedAt + (position - 1) * nodeMillis;
        r.endCast = r.beginCast + nodeMillis;
        event.run = r;
    }

    private static void topic(BaselineEvent event, long instance, long born) {
        event.type = EventType.TOPIC;
        TopicInfo t = new TopicInfo();
        t.topicId = 900_000_000L + instance;
        t.topicName = "dwd_trade_order_detail_step2 变慢";
        t.nodeInstanceId = instance * 10 + 2;
        t.nodeName = "dwd_trade_order_detail_step2";
        t.addTime = born;
        t.type = "SLOW";
        t.status = "NEW";
        event.topic = t;
    }
}
