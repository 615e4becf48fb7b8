#!/usr/bin/env python3
"""Writes what Slurm's and PBS's commands print for a large cluster, for collector-bench.sh: NODES nodes (a tenth
with GPUs), JOBS jobs (running, pending, held, array tasks), a dozen reservations, an hour of finished jobs.
   python3 src/bench/collector-outputs.py DIR [NODES (2500)] [JOBS (10000)]"""
import json, os, random, sys, time

out = sys.argv[1]
nodes = int(sys.argv[2]) if len(sys.argv) > 2 else 2500
jobs = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
random.seed(42)
os.makedirs(out, exist_ok=True)
now = time.time()
gpu_nodes = nodes // 10
states = ["allocated"] * 80 + ["mixed"] * 8 + ["idle"] * 6 + ["drained"] * 2 + ["down*"] * 2 + ["reserved"] * 2

def local(t, fmt="%Y-%m-%dT%H:%M:%S"):
    return time.strftime(fmt, time.localtime(t))

# Slurm: sinfo -N -O, squeue -r -O, scontrol show partition/reservation -o, sacct -P
with open(f"{out}/sinfo.txt", "w") as f:
    for i in range(nodes):
        gpu = i < gpu_nodes
        name, part = (f"gpu{i:04d}", "gpu") if gpu else (f"cpu{i:04d}", "main")
        state = random.choice(states)
        cores = 64 if gpu else 128
        alloc = cores if state == "allocated" else cores // 2 if state == "mixed" else 0
        other = cores if state in ("drained", "down*") else 0
        f.write(f"{name}|{part}|{state}|{alloc}/{cores - alloc - other}/{other}/{cores}|"
                f"{'gpu:4' if gpu else '(null)'}|gpu:{2 if gpu and alloc else 0}|\n")
users = [f"user{u:03d}" for u in range(600)]
with open(f"{out}/squeue.txt", "w") as f:
    for j in range(jobs):
        part = "gpu" if j % 10 == 0 else random.choice(["main", "main", "develop"])
        state = "R" if j < jobs * 0.4 else "PD"
        reason = "None" if state == "R" else random.choice(["Resources", "Priority", "Dependency", "JobHeldUser"])
        cpus = random.choice([1, 4, 32, 128, 256])
        f.write(f"{part}|{state}|{random.choice(users)}|p{j % 90:04d}|{cpus}|{max(1, cpus // 128)}|"
                f"cpu={cpus},node=1{',gres/gpu=2' if part == 'gpu' and state == 'R' else ''}|"
                f"{'gres:gpu:2' if part == 'gpu' else 'N/A'}|{reason}|\n")
with open(f"{out}/partitions.txt", "w") as f:
    for p in ["main", "develop", "gpu"]:
        f.write(f"PartitionName={p} AllowGroups=ALL Default=NO State=UP TotalCPUs=1000 TotalNodes=10\n")
with open(f"{out}/reservations.txt", "w") as f:
    for r in range(12):
        f.write(f"ReservationName=res{r} StartTime={local(now + r * 86400)} EndTime={local(now + r * 86400 + 7200)} "
                f"Duration=02:00:00 Nodes=cpu[0001-0010] NodeCnt=10 CoreCnt=1280 Features=(null) PartitionName=main "
                f"Flags=MAINT TRES=cpu=1280 Users=root Groups=(null) State=INACTIVE\n")
with open(f"{out}/sacct.txt", "w") as f:
    for j in range(jobs // 5):
        start = now - random.randint(0, 3500)
        f.write(f"{random.choice(['main', 'develop', 'gpu'])}|{local(start - random.randint(0, 7200))}|{local(start)}\n")

# PBS: pbsnodes -a -F json, qstat -x -t -f -F json, qstat -Q -f -F json, pbs_rstat -f
pbs_states = ["job-busy"] * 80 + ["free"] * 14 + ["down,offline"] * 2 + ["offline"] * 2 + ["resv-exclusive"] * 2
pnodes = {}
for i in range(nodes):
    gpu = i < gpu_nodes
    state = random.choice(pbs_states)
    cores = 64 if gpu else 128
    used = cores if state == "job-busy" else 0
    pnodes[f"{'deg' if gpu else 'dec'}{i:04d}"] = {
        "Mom": f"n{i}.example", "ntype": "PBS", "state": state, "pcpus": cores,
        **({"jobs": [f"{i}.server/0"]} if used else {}),
        "resources_available": {"host": f"n{i}", "mem": "251658240kb", "ncpus": cores, "ngpus": 4 if gpu else 0,
                                "Qlist": "gpu" if gpu else "cpu,cpudev"},
        "resources_assigned": {"mem": "125829120kb" if used else "0kb", "ncpus": used, "ngpus": 2 if gpu and used else 0}}
json.dump({"timestamp": int(now), "pbs_version": "2022.1.4", "pbs_server": "server", "nodes": pnodes},
          open(f"{out}/pbsnodes.json", "w"), indent=4)
pjobs = {}
for j in range(jobs + jobs // 5):
    finished = j >= jobs
    state = "F" if finished else "R" if j < jobs * 0.4 else random.choice(["Q", "Q", "Q", "H"])
    q = now - random.randint(600, 7200)
    s = q + random.randint(0, 3000)
    pjobs[f"{4000000 + j}.server"] = {
        "Job_Name": f"job{j}", "Job_Owner": f"{random.choice(users)}@login1", "job_state": state,
        "queue": "gpu" if j % 10 == 0 else random.choice(["cpu", "cpu", "cpudev"]), "Account_Name": f"P{j % 90:04d}",
        "Resource_List": {"ncpus": 128, "ngpus": 4 if j % 10 == 0 else 0, "nodect": 1, "select": "1:ncpus=128"},
        "qtime": local(q, "%a %b %e %H:%M:%S %Y"), **({"stime": local(s, "%a %b %e %H:%M:%S %Y")} if state in "RF" else {})}
json.dump({"timestamp": int(now), "pbs_version": "2022.1.4", "pbs_server": "server", "Jobs": pjobs},
          open(f"{out}/qstat-jobs.json", "w"), indent=4)
json.dump({"timestamp": int(now), "pbs_version": "2022.1.4", "pbs_server": "server", "Queue": {
    q: {"queue_type": "Execution", "total_jobs": 1000, "enabled": "True", "started": "True"}
    for q in ["cpu", "cpudev", "gpu"]}}, open(f"{out}/qstat-queues.json", "w"), indent=4)
with open(f"{out}/pbs_rstat.txt", "w") as f:
    for r in range(12):
        f.write(f"Resv ID: R{r}.server\nReserve_Name = res{r}\nreserve_state = RESV_CONFIRMED\n"
                f"reserve_start = {local(now + r * 86400, '%a %b %e %H:%M:%S %Y')}\n"
                f"reserve_end = {local(now + r * 86400 + 7200, '%a %b %e %H:%M:%S %Y')}\nResource_List.nodect = 10\n\n")
