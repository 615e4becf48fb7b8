package org.hpcstatus.system;

/** The payload shapes a collector can post; a system's kind picks the validation and the fields it stores. */
public enum SystemKind {
    /** Derecho-shaped: CPU and GPU partitions, login nodes typed cpu/gpu/data-access. */
    CLUSTER,
    /** Casper-shaped: aggregate compute nodes (or partitions they derive from) plus a node-type breakdown. */
    HETEROGENEOUS_CLUSTER,
    /** A JupyterHub: up or down, users and sessions. */
    JUPYTERHUB
}
