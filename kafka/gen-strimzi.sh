#!/usr/bin/env bash
# Renders kafka/topics.tsv as Strimzi KafkaTopic resources (kafka.strimzi.io/v1beta2, label
# strimzi.io/cluster: karyoloop) into k8s/base/kafka-topics.yaml, so the catalog stays the one
# source of truth. No broker needed. Run it after editing topics.tsv and commit both.
# KAFKA_TOPIC_REPLICAS: replicas per topic in the cluster (default 3).
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/common.sh"

out="$REPO_ROOT/k8s/base/kafka-topics.yaml"
mkdir -p "$(dirname -- "$out")"
ensure_jars
"$JAVA" $KAFKA_TOOLS_LOG4J -cp "$KAFKA_LIB_DIR/*" "$KAFKA_DIR/TopicSync.java" \
  --strimzi "$out" --cluster karyoloop --replicas "${KAFKA_TOPIC_REPLICAS:-3}" "$KAFKA_DIR/topics.tsv"
