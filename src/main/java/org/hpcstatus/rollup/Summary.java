package org.hpcstatus.rollup;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * One metric of one scope of a system summarised over one bucket (an hour, or a UTC day): the average is sum /
 * samples; samples counts the snapshots that carried a value. Read and written by {@link Summaries} alone.
 */
@Entity
@Table(name = "rollup")
@IdClass(Summary.Key.class)
public class Summary {

    public record Key(Long systemId, String resolution, String scope, String scopeName, String metric,
            Instant bucketStart) implements Serializable {
    }

    @Id
    @Column(name = "system_id")
    public Long systemId;

    /** "h" or "d". */
    @Id
    @Column(columnDefinition = "char(1)")
    public String resolution;

    @Id
    public String scope;

    /** "" for the system itself. */
    @Id
    @Column(name = "scope_name")
    public String scopeName;

    @Id
    public String metric;

    @Id
    @Column(name = "bucket_start")
    public Instant bucketStart;

    @Column(nullable = false)
    public int samples;

    @Column(name = "min_value")
    public Double minValue;

    @Column(name = "max_value")
    public Double maxValue;

    @Column(name = "sum_value")
    public Double sumValue;

    static Summary of(String scope, String scopeName, String metric, int samples, double min, double max, double sum) {
        Summary summary = new Summary();
        summary.scope = scope;
        summary.scopeName = scopeName;
        summary.metric = metric;
        summary.samples = samples;
        summary.minValue = min;
        summary.maxValue = max;
        summary.sumValue = sum;
        return summary;
    }
}
