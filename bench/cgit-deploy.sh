#!/usr/bin/env bash
# The Git work of one deploy, done by C git, for comparison with the worker (PushToDeployDriver runs it side by side):
# fetch the deploy branch, write the rendered files, commit, push. Prints one latency per line and then p50/p95.
#
#   bench/cgit-deploy.sh <repository url> <folder of rendered files> [iterations] [branch]
set -euo pipefail
url=$1 rendered=$2 iterations=${3:-20} branch=${4:-deploy/cgit}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 HOME=$work GIT_AUTHOR_NAME=floe-gitops GIT_AUTHOR_EMAIL=floe-gitops@localhost \
  GIT_COMMITTER_NAME=floe-gitops GIT_COMMITTER_EMAIL=floe-gitops@localhost
git init -q -b "$branch" "$work/deploy"
cd "$work/deploy"
git remote add origin "$url"
times=()
for i in $(seq 1 "$iterations"); do
  start=$(date +%s%N)
  git fetch -q origin "+refs/heads/*:refs/remotes/origin/*"
  if git rev-parse -q --verify "refs/remotes/origin/$branch" >/dev/null; then
    git reset -q --soft "refs/remotes/origin/$branch"
  fi
  git rm -rq --cached . >/dev/null 2>&1 || true
  find . -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} +
  cp -R "$rendered"/. .
  printf 'render %s\n' "$i" > RENDER        # what changes from one render to the next
  git add -A
  git commit -q -m "floe: render cgit $i" -m "Floe-Delivery: cgit-$i"
  git push -q origin "HEAD:refs/heads/$branch"
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "$ms"
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
n=${#times[@]}
p50=$(echo "$sorted" | sed -n "$(( (n + 1) / 2 ))p")
p95=$(echo "$sorted" | sed -n "$(( (n * 95 + 99) / 100 ))p")
echo "p50_ms=$p50 p95_ms=$p95"
