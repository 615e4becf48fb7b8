package org.hpcstatus.status;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The newest run of rejected snapshot posts of one system: since when, how many, and the latest error. */
@Entity
@Table(name = "post_rejection")
public class PostRejection extends PanacheEntityBase {

    @Id
    @Column(name = "system_id")
    public long systemId;

    /** The first rejection after the last accepted post. */
    public Instant firstAt;

    public Instant lastAt;

    public long rejections;

    /** The user name the rejected post authenticated as. */
    public String credential;

    public String lastError;
}
