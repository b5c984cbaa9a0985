#!/usr/bin/env python3
"""Issue 16's size measure: the client's main code for the features it had when the issue was filed.

The client gained features after the issue was filed (3ae8ca6): shared state, outbox, key rings, revocation,
time-stamps, observation, file transfers, datasets, provider transfers. "At least 30% smaller with the same
features" therefore compares the code lines (non-blank, non-comment Java lines) of the client's main code at
filing with today's code lines that serve the same features:

  * a file counts if it existed at filing or was created by a commit that is not a feature commit below
    (files split off or folded together by the clean-up count in full);
  * in those files, a line counts unless `git blame -w -M -C` attributes it to a feature commit below.

Every commit not listed as a feature commit (the clean-up, the start-up work, format changes, later commits)
counts against the measure. Usage: python3 .ci/client-size.py [--files]
"""
import os
import re
import subprocess
import sys

FILED = "3ae8ca6"
MAIN = "client/src/main/java"
# Commits after filing that added a capability the client did not have at filing (see CHANGELOG).
FEATURES = """
01b9203 b18fe5f 4b6d928 13e1826 0e95afe 51be238 b5a36af c8d72a2 7b83022 37db8f8 7679008 3eb7eef f4ef232
6a517f7 311cfbc 4bba0b9 db43913 dda323b 20a4147 83308a4 fdeb426 b84a1c2 6f245c2 32745f4 f4527ff 4cd62d1
1683119 3e3b48c 6202236 9989f03 7905855
""".split()


def git(*args):
    return subprocess.check_output(["git", *args], text=True, errors="replace")


def code_lines(text):
    """Line numbers (1-based) of non-blank lines outside comments."""
    out, in_block = set(), False
    for i, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if in_block:
            if "*/" not in s:
                continue
            in_block, s = False, s[s.index("*/") + 2 :].strip()
        if s.startswith("/*"):
            if "*/" not in s:
                in_block = True
                continue
            s = s[s.index("*/") + 2 :].strip()
        if s and not s.startswith("//"):
            out.add(i)
    return out


def created(path):
    """The commit that added a file (a rename keeps the earlier one's)."""
    adds = git("log", "--diff-filter=A", "--format=%h", "--", path).split()
    return adds[-1][:7] if adds else ""


def main():
    features = {c[:7] for c in FEATURES}
    at_filing = git("ls-tree", "-r", "--name-only", FILED, MAIN).split()
    before = sum(
        len(code_lines(git("show", f"{FILED}:{f}"))) for f in at_filing if f.endswith(".java")
    )
    files = [f for f in git("ls-files", MAIN).split() if f.endswith(".java")]
    same, added, rows = 0, 0, []
    for f in files:
        lines = code_lines(open(f, encoding="utf-8").read())
        if f not in at_filing and created(f) in features:
            added += len(lines)
            continue
        count, line = 0, 0
        for row in git("blame", "-w", "-M", "-C", "--line-porcelain", f).splitlines():
            m = re.match(r"^([0-9a-f]{40}) \d+ (\d+)", row)
            if m and int(m.group(2)) in lines:
                if m.group(1)[:7] in features:
                    added += 1
                else:
                    count += 1
        same += count
        rows.append((count, f))
    if "--files" in sys.argv:
        for count, f in sorted(rows, reverse=True):
            print(f"{count:6} {f}")
    print(f"client main code lines at filing ({FILED}):        {before}")
    print(f"the same features now:                          {same} ({(same - before) / before:+.1%})")
    print(f"features added since (not compared):            {added}")
    print(f"whole client main now:                          {same + added}")


if __name__ == "__main__":
    os.chdir(git("rev-parse", "--show-toplevel").strip())
    main()
