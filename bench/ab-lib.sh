# Shared by the A/B scripts of bench/ (sourced, not run). ab_each <rounds> <fn> calls
#   fn <side> <round> <dir> <args...>
# for side A then B, round 1..rounds, so that load hits both alike: <dir> is "$work/<side>-<round>"
# (created), <args> the words of A_ARGS or B_ARGS. Afterwards AB_WALL holds the call's wall seconds.
ab_each() {
  local rounds="$1" fn="$2" r side args s e
  for r in $(seq 1 "$rounds"); do
    for side in A B; do
      args=${A_ARGS:-}; [ "$side" = B ] && args=${B_ARGS:-}
      mkdir -p "$work/$side-$r"
      s=$(date +%s.%N)
      # shellcheck disable=SC2086
      "$fn" "$side" "$r" "$work/$side-$r" $args
      e=$(date +%s.%N)
      AB_WALL=$(python3 -c "print(round($e - $s, 1))")
      "${fn}_done" "$side" "$r" "$work/$side-$r"
    done
  done
}
