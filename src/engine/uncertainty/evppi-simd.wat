;; Hot loops of the regression EVPPI in WebAssembly SIMD (f64x2): fitted values of many interleaved coefficient
;; vectors on a sparse design. Each lane does the arithmetic of penalised-spline.ts fittedRowOfMany (s = 0, then
;; s += v * beta for the row's non-zeros in order; an f64x2 multiply and add round as JavaScript's * and + do, and
;; no fused multiply-add is used), so the doubles are the same. Assembled by scripts/build-evppi-simd.mjs into
;; evppi-simd-wasm.ts; a test checks that file is up to date.
;;
;; Layout (byte addresses in memory): values f64[rows * nnz]; columns i32[rows * nnz] (the design's indices);
;; coefficient vectors interleaved (column k, vector b at k * widthBytes + 8b); widthBytes a multiple of 64.
(module
  (memory (export "memory") 1)

  ;; Fitted values of one design row for every vector of one interleaved block, 8 vectors per step.
  (func $fittedRow (param $values i32) (param $columns i32) (param $nnz i32) (param $widthBytes i32)
    (param $betas i32) (param $out i32)
    (local $b i32) (local $vp i32) (local $op i32) (local $end i32) (local $c i32) (local $v v128)
    (local $acc0 v128) (local $acc1 v128) (local $acc2 v128) (local $acc3 v128)
    (local.set $end (i32.add (local.get $values) (i32.shl (local.get $nnz) (i32.const 3))))
    (loop $block
      (local.set $acc0 (v128.const i64x2 0 0))
      (local.set $acc1 (v128.const i64x2 0 0))
      (local.set $acc2 (v128.const i64x2 0 0))
      (local.set $acc3 (v128.const i64x2 0 0))
      (local.set $vp (local.get $values))
      (local.set $op (local.get $columns))
      (loop $nonzero
        (local.set $v (f64x2.splat (f64.load (local.get $vp))))
        (local.set $c (i32.add (i32.add (i32.mul (i32.load (local.get $op)) (local.get $widthBytes)) (local.get $betas)) (local.get $b)))
        (local.set $acc0 (f64x2.add (local.get $acc0) (f64x2.mul (local.get $v) (v128.load offset=0 (local.get $c)))))
        (local.set $acc1 (f64x2.add (local.get $acc1) (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $c)))))
        (local.set $acc2 (f64x2.add (local.get $acc2) (f64x2.mul (local.get $v) (v128.load offset=32 (local.get $c)))))
        (local.set $acc3 (f64x2.add (local.get $acc3) (f64x2.mul (local.get $v) (v128.load offset=48 (local.get $c)))))
        (local.set $vp (i32.add (local.get $vp) (i32.const 8)))
        (local.set $op (i32.add (local.get $op) (i32.const 4)))
        (br_if $nonzero (i32.lt_u (local.get $vp) (local.get $end))))
      (local.set $c (i32.add (local.get $out) (local.get $b)))
      (v128.store offset=0 (local.get $c) (local.get $acc0))
      (v128.store offset=16 (local.get $c) (local.get $acc1))
      (v128.store offset=32 (local.get $c) (local.get $acc2))
      (v128.store offset=48 (local.get $c) (local.get $acc3))
      (local.set $b (i32.add (local.get $b) (i32.const 64)))
      (br_if $block (i32.lt_u (local.get $b) (local.get $widthBytes)))))

  ;; Fitted values of every row: out[i * widthBytes + 8b] for vector b.
  (func (export "fittedRows")
    (param $rows i32) (param $nnz i32) (param $widthBytes i32) (param $values i32) (param $columns i32)
    (param $betas i32) (param $out i32)
    (local $i i32)
    (loop $row
      (call $fittedRow (local.get $values) (local.get $columns) (local.get $nnz) (local.get $widthBytes)
        (local.get $betas) (local.get $out))
      (local.set $values (i32.add (local.get $values) (i32.shl (local.get $nnz) (i32.const 3))))
      (local.set $columns (i32.add (local.get $columns) (i32.shl (local.get $nnz) (i32.const 2))))
      (local.set $out (i32.add (local.get $out) (local.get $widthBytes)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $row (i32.lt_u (local.get $i) (local.get $rows)))))

  ;; The sums of evppi.ts valuesOfInformationOfDraws: for each row and each step of 8 vectors, the fitted values f
  ;; of every strategy's block (blocks betaStride bytes apart), sums[d][b] += f, and sumMax[b] += best, where
  ;; best starts at 0 and becomes f where best < f, strategy by strategy (pmax: a NaN leaves it, as
  ;; `if (v > best)` does). Each sum gets the same additions in the same order as the JavaScript loop.
  (func (export "valuesOfInformationRows")
    (param $rows i32) (param $nnz i32) (param $strategies i32) (param $widthBytes i32)
    (param $values i32) (param $columns i32) (param $betas i32) (param $betaStride i32)
    (param $sums i32) (param $sumMax i32)
    (local $i i32) (local $d i32) (local $b i32) (local $vp i32) (local $op i32) (local $end i32) (local $c i32)
    (local $betaBase i32) (local $sp i32) (local $v v128)
    (local $acc0 v128) (local $acc1 v128) (local $acc2 v128) (local $acc3 v128)
    (local $best0 v128) (local $best1 v128) (local $best2 v128) (local $best3 v128)
    (loop $row
      (local.set $end (i32.add (local.get $values) (i32.shl (local.get $nnz) (i32.const 3))))
      (local.set $b (i32.const 0))
      (loop $block
        (local.set $best0 (v128.const i64x2 0 0))
        (local.set $best1 (v128.const i64x2 0 0))
        (local.set $best2 (v128.const i64x2 0 0))
        (local.set $best3 (v128.const i64x2 0 0))
        (local.set $d (i32.const 0))
        (local.set $betaBase (i32.add (local.get $betas) (local.get $b)))
        (local.set $sp (i32.add (local.get $sums) (local.get $b)))
        (loop $strategy
          (local.set $acc0 (v128.const i64x2 0 0))
          (local.set $acc1 (v128.const i64x2 0 0))
          (local.set $acc2 (v128.const i64x2 0 0))
          (local.set $acc3 (v128.const i64x2 0 0))
          (local.set $vp (local.get $values))
          (local.set $op (local.get $columns))
          (loop $nonzero
            (local.set $v (f64x2.splat (f64.load (local.get $vp))))
            (local.set $c (i32.add (i32.mul (i32.load (local.get $op)) (local.get $widthBytes)) (local.get $betaBase)))
            (local.set $acc0 (f64x2.add (local.get $acc0) (f64x2.mul (local.get $v) (v128.load offset=0 (local.get $c)))))
            (local.set $acc1 (f64x2.add (local.get $acc1) (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $c)))))
            (local.set $acc2 (f64x2.add (local.get $acc2) (f64x2.mul (local.get $v) (v128.load offset=32 (local.get $c)))))
            (local.set $acc3 (f64x2.add (local.get $acc3) (f64x2.mul (local.get $v) (v128.load offset=48 (local.get $c)))))
            (local.set $vp (i32.add (local.get $vp) (i32.const 8)))
            (local.set $op (i32.add (local.get $op) (i32.const 4)))
            (br_if $nonzero (i32.lt_u (local.get $vp) (local.get $end))))
          (v128.store offset=0 (local.get $sp) (f64x2.add (v128.load offset=0 (local.get $sp)) (local.get $acc0)))
          (v128.store offset=16 (local.get $sp) (f64x2.add (v128.load offset=16 (local.get $sp)) (local.get $acc1)))
          (v128.store offset=32 (local.get $sp) (f64x2.add (v128.load offset=32 (local.get $sp)) (local.get $acc2)))
          (v128.store offset=48 (local.get $sp) (f64x2.add (v128.load offset=48 (local.get $sp)) (local.get $acc3)))
          (local.set $best0 (f64x2.pmax (local.get $best0) (local.get $acc0)))
          (local.set $best1 (f64x2.pmax (local.get $best1) (local.get $acc1)))
          (local.set $best2 (f64x2.pmax (local.get $best2) (local.get $acc2)))
          (local.set $best3 (f64x2.pmax (local.get $best3) (local.get $acc3)))
          (local.set $betaBase (i32.add (local.get $betaBase) (local.get $betaStride)))
          (local.set $sp (i32.add (local.get $sp) (local.get $widthBytes)))
          (local.set $d (i32.add (local.get $d) (i32.const 1)))
          (br_if $strategy (i32.lt_u (local.get $d) (local.get $strategies))))
        (local.set $c (i32.add (local.get $sumMax) (local.get $b)))
        (v128.store offset=0 (local.get $c) (f64x2.add (v128.load offset=0 (local.get $c)) (local.get $best0)))
        (v128.store offset=16 (local.get $c) (f64x2.add (v128.load offset=16 (local.get $c)) (local.get $best1)))
        (v128.store offset=32 (local.get $c) (f64x2.add (v128.load offset=32 (local.get $c)) (local.get $best2)))
        (v128.store offset=48 (local.get $c) (f64x2.add (v128.load offset=48 (local.get $c)) (local.get $best3)))
        (local.set $b (i32.add (local.get $b) (i32.const 64)))
        (br_if $block (i32.lt_u (local.get $b) (local.get $widthBytes))))
      (local.set $values (local.get $end))
      (local.set $columns (i32.add (local.get $columns) (i32.shl (local.get $nnz) (i32.const 2))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $row (i32.lt_u (local.get $i) (local.get $rows)))))

  ;; penalised-spline.ts effectiveDegreesOfFreedom: tr(M X'X M') with M = L^-1 (m x m, row-major, byte addresses),
  ;; inv and s, b scratch (m x m and m doubles). Row by row as the JavaScript loop: M[i][j] = (delta_ij - sum over
  ;; k ascending of L[i][k] M[k][j]) / L[i][i]; b[j] = sum over k <= i (M[i][k] != 0) of M[i][k] X'X[k][j]; the
  ;; trace adds b[j] M[i][j] one by one. The inner loops run over j, two lanes at a time, each j's sum in order.
  (func (export "effectiveDegreesOfFreedom")
    (param $m i32) (param $l i32) (param $xtx i32) (param $inv i32) (param $s i32) (param $b i32) (result f64)
    (local $rowBytes i32) (local $i i32) (local $k i32) (local $row i32) (local $krow i32) (local $p i32)
    (local $pairEnd i32) (local $count i32) (local $f v128) (local $x f64) (local $edf f64)
    (local.set $rowBytes (i32.shl (local.get $m) (i32.const 3)))
    ;; M = L^-1
    (local.set $i (i32.const 0))
    (loop $inverseRow
      (local.set $row (i32.mul (local.get $i) (local.get $rowBytes)))
      (memory.fill (local.get $s) (i32.const 0) (i32.shl (local.get $i) (i32.const 3)))
      (f64.store (i32.add (local.get $s) (i32.shl (local.get $i) (i32.const 3))) (f64.const 1))
      (local.set $k (i32.const 0))
      (block $noTerms
        (br_if $noTerms (i32.eqz (local.get $i)))
        (loop $term
          ;; s[j] -= L[i][k] * M[k][j] for j = 0..k
          (local.set $f (f64x2.splat (f64.load (i32.add (i32.add (local.get $l) (local.get $row)) (i32.shl (local.get $k) (i32.const 3))))))
          (local.set $krow (i32.add (local.get $inv) (i32.mul (local.get $k) (local.get $rowBytes))))
          (local.set $count (i32.add (local.get $k) (i32.const 1)))
          (local.set $pairEnd (i32.shl (i32.and (local.get $count) (i32.const -2)) (i32.const 3)))
          (local.set $p (i32.const 0))
          (block $noPairs
            (br_if $noPairs (i32.eqz (local.get $pairEnd)))
            (loop $pair
              (v128.store (i32.add (local.get $s) (local.get $p))
                (f64x2.sub (v128.load (i32.add (local.get $s) (local.get $p)))
                  (f64x2.mul (local.get $f) (v128.load (i32.add (local.get $krow) (local.get $p))))))
              (local.set $p (i32.add (local.get $p) (i32.const 16)))
              (br_if $pair (i32.lt_u (local.get $p) (local.get $pairEnd)))))
          (if (i32.and (local.get $count) (i32.const 1))
            (then
              (f64.store (i32.add (local.get $s) (local.get $p))
                (f64.sub (f64.load (i32.add (local.get $s) (local.get $p)))
                  (f64.mul (f64x2.extract_lane 0 (local.get $f)) (f64.load (i32.add (local.get $krow) (local.get $p))))))))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br_if $term (i32.lt_u (local.get $k) (local.get $i)))))
      ;; M[i][j] = s[j] / L[i][i] for j = 0..i
      (local.set $f (f64x2.splat (f64.load (i32.add (i32.add (local.get $l) (local.get $row)) (i32.shl (local.get $i) (i32.const 3))))))
      (local.set $krow (i32.add (local.get $inv) (local.get $row)))
      (local.set $count (i32.add (local.get $i) (i32.const 1)))
      (local.set $pairEnd (i32.shl (i32.and (local.get $count) (i32.const -2)) (i32.const 3)))
      (local.set $p (i32.const 0))
      (block $noPairs
        (br_if $noPairs (i32.eqz (local.get $pairEnd)))
        (loop $pair
          (v128.store (i32.add (local.get $krow) (local.get $p))
            (f64x2.div (v128.load (i32.add (local.get $s) (local.get $p))) (local.get $f)))
          (local.set $p (i32.add (local.get $p) (i32.const 16)))
          (br_if $pair (i32.lt_u (local.get $p) (local.get $pairEnd)))))
      (if (i32.and (local.get $count) (i32.const 1))
        (then
          (f64.store (i32.add (local.get $krow) (local.get $p))
            (f64.div (f64.load (i32.add (local.get $s) (local.get $p))) (f64x2.extract_lane 0 (local.get $f))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $inverseRow (i32.lt_u (local.get $i) (local.get $m))))
    ;; the trace
    (local.set $i (i32.const 0))
    (loop $traceRow
      (local.set $row (i32.mul (local.get $i) (local.get $rowBytes)))
      (local.set $count (i32.add (local.get $i) (i32.const 1)))
      (local.set $pairEnd (i32.shl (i32.and (local.get $count) (i32.const -2)) (i32.const 3)))
      (memory.fill (local.get $b) (i32.const 0) (i32.shl (local.get $count) (i32.const 3)))
      (local.set $k (i32.const 0))
      (loop $term
        (local.set $x (f64.load (i32.add (i32.add (local.get $inv) (local.get $row)) (i32.shl (local.get $k) (i32.const 3)))))
        (if (f64.ne (local.get $x) (f64.const 0))
          (then
            ;; b[j] += M[i][k] * X'X[k][j] for j = 0..i
            (local.set $f (f64x2.splat (local.get $x)))
            (local.set $krow (i32.add (local.get $xtx) (i32.mul (local.get $k) (local.get $rowBytes))))
            (local.set $p (i32.const 0))
            (block $noPairs
              (br_if $noPairs (i32.eqz (local.get $pairEnd)))
              (loop $pair
                (v128.store (i32.add (local.get $b) (local.get $p))
                  (f64x2.add (v128.load (i32.add (local.get $b) (local.get $p)))
                    (f64x2.mul (local.get $f) (v128.load (i32.add (local.get $krow) (local.get $p))))))
                (local.set $p (i32.add (local.get $p) (i32.const 16)))
                (br_if $pair (i32.lt_u (local.get $p) (local.get $pairEnd)))))
            (if (i32.and (local.get $count) (i32.const 1))
              (then
                (f64.store (i32.add (local.get $b) (local.get $p))
                  (f64.add (f64.load (i32.add (local.get $b) (local.get $p)))
                    (f64.mul (local.get $x) (f64.load (i32.add (local.get $krow) (local.get $p))))))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $term (i32.le_u (local.get $k) (local.get $i))))
      ;; edf += b[j] * M[i][j], j ascending
      (local.set $p (i32.const 0))
      (local.set $krow (i32.add (local.get $inv) (local.get $row)))
      (loop $add
        (local.set $edf (f64.add (local.get $edf)
          (f64.mul (f64.load (i32.add (local.get $b) (local.get $p))) (f64.load (i32.add (local.get $krow) (local.get $p))))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br_if $add (i32.lt_u (local.get $p) (i32.shl (local.get $count) (i32.const 3)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $traceRow (i32.lt_u (local.get $i) (local.get $m))))
    (local.get $edf))

  ;; penalised-spline.ts solveUpperMany: L' x_b = z_b in place for interleaved right-hand sides (x[k][b] at
  ;; x + k * widthBytes + 8b, widthBytes a multiple of 16): row i, from the last, subtracts L[k][i] x[k][b] for k
  ;; ascending and divides by L[i][i], two right-hand sides per lane pair.
  (func (export "solveUpperMany") (param $m i32) (param $l i32) (param $x i32) (param $widthBytes i32)
    (local $i i32) (local $k i32) (local $row i32) (local $krow i32) (local $p i32) (local $f v128)
    (local.set $i (local.get $m))
    (loop $solveRow
      (local.set $i (i32.sub (local.get $i) (i32.const 1)))
      (local.set $row (i32.add (local.get $x) (i32.mul (local.get $i) (local.get $widthBytes))))
      (local.set $k (i32.add (local.get $i) (i32.const 1)))
      (block $noTerms
        (br_if $noTerms (i32.ge_u (local.get $k) (local.get $m)))
        (loop $term
          (local.set $f (f64x2.splat (f64.load (i32.add (local.get $l)
            (i32.shl (i32.add (i32.mul (local.get $k) (local.get $m)) (local.get $i)) (i32.const 3))))))
          (local.set $krow (i32.add (local.get $x) (i32.mul (local.get $k) (local.get $widthBytes))))
          (local.set $p (i32.const 0))
          (loop $pair
            (v128.store (i32.add (local.get $row) (local.get $p))
              (f64x2.sub (v128.load (i32.add (local.get $row) (local.get $p)))
                (f64x2.mul (local.get $f) (v128.load (i32.add (local.get $krow) (local.get $p))))))
            (local.set $p (i32.add (local.get $p) (i32.const 16)))
            (br_if $pair (i32.lt_u (local.get $p) (local.get $widthBytes))))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br_if $term (i32.lt_u (local.get $k) (local.get $m)))))
      (local.set $f (f64x2.splat (f64.load (i32.add (local.get $l)
        (i32.shl (i32.add (i32.mul (local.get $i) (local.get $m)) (local.get $i)) (i32.const 3))))))
      (local.set $p (i32.const 0))
      (loop $pair
        (v128.store (i32.add (local.get $row) (local.get $p))
          (f64x2.div (v128.load (i32.add (local.get $row) (local.get $p))) (local.get $f)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br_if $pair (i32.lt_u (local.get $p) (local.get $widthBytes))))
      (br_if $solveRow (i32.gt_u (local.get $i) (i32.const 0)))))

  ;; penalised-spline.ts crossProduct's sums: for each row in order, X'X[ca][cb] += va * vb for the row's pairs
  ;; with cb >= ca (the upper triangle; the caller mirrors it). Scalar: the sums are scattered.
  (func (export "crossProductUpper")
    (param $rows i32) (param $nnz i32) (param $rowBytes i32) (param $values i32) (param $columns i32) (param $xtx i32)
    (local $i i32) (local $end i32) (local $ap i32) (local $acp i32) (local $bp i32) (local $bcp i32)
    (local $ca i32) (local $cb i32) (local $target i32) (local $address i32) (local $va f64)
    (loop $row
      (local.set $end (i32.add (local.get $values) (i32.shl (local.get $nnz) (i32.const 3))))
      (local.set $ap (local.get $values))
      (local.set $acp (local.get $columns))
      (loop $first
        (local.set $ca (i32.load (local.get $acp)))
        (local.set $va (f64.load (local.get $ap)))
        (local.set $target (i32.add (local.get $xtx) (i32.mul (local.get $ca) (local.get $rowBytes))))
        (local.set $bp (local.get $values))
        (local.set $bcp (local.get $columns))
        (loop $second
          (local.set $cb (i32.load (local.get $bcp)))
          (if (i32.ge_s (local.get $cb) (local.get $ca))
            (then
              (local.set $address (i32.add (local.get $target) (i32.shl (local.get $cb) (i32.const 3))))
              (f64.store (local.get $address)
                (f64.add (f64.load (local.get $address)) (f64.mul (local.get $va) (f64.load (local.get $bp)))))))
          (local.set $bp (i32.add (local.get $bp) (i32.const 8)))
          (local.set $bcp (i32.add (local.get $bcp) (i32.const 4)))
          (br_if $second (i32.lt_u (local.get $bp) (local.get $end))))
        (local.set $ap (i32.add (local.get $ap) (i32.const 8)))
        (local.set $acp (i32.add (local.get $acp) (i32.const 4)))
        (br_if $first (i32.lt_u (local.get $ap) (local.get $end))))
      (local.set $values (local.get $end))
      (local.set $columns (i32.add (local.get $columns) (i32.shl (local.get $nnz) (i32.const 2))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $row (i32.lt_u (local.get $i) (local.get $rows))))))
