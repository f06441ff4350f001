#!/usr/bin/env python3
"""Regenerates app/tests/fixtures/loan_vectors.json: independent PMT/IPMT values computed with
numpy-financial (pip install numpy-financial), used by app/tests/loan_vectors.rs to cross-check the
loan arithmetic to the cent. Values are written with 6 decimals; the test rounds half-up."""
import json, numpy_financial as npf
from decimal import Decimal

cases = [
    # principal, APR %, months
    (48500.00, 5.49, 60), (23950.00, 3.99, 72), (17800.00, 6.25, 60), (30000.00, 0.90, 36),
    (15000.00, 12.99, 48), (62000.00, 7.75, 84), (8500.00, 19.99, 24), (41990.00, 5.10, 39),
    (25000.00, 4.50, 60), (35000.00, 6.99, 72), (12000.00, 9.49, 36), (55000.00, 2.90, 60),
    (19999.99, 8.25, 66), (27500.00, 3.25, 48), (9000.00, 15.00, 30), (73000.00, 5.95, 96),
    (31250.00, 4.15, 75), (22000.00, 10.50, 54), (46000.00, 1.99, 60), (14500.00, 7.00, 12),
    (38000.00, 6.49, 84), (5000.00, 24.99, 18), (66000.00, 4.75, 72), (29999.00, 5.55, 63),
]
out = []
for pv, apr, n in cases:
    i = apr / 1200
    mid = n // 2
    out.append({
        "principal": f"{pv:.2f}", "apr": f"{apr:.2f}", "months": n,
        "pmt": f"{-npf.pmt(i, n, pv):.6f}",
        "ipmt_1": f"{-npf.ipmt(i, 1, n, pv):.6f}",
        "mid_period": mid,
        "ipmt_mid": f"{-npf.ipmt(i, mid, n, pv):.6f}",
    })
doc = {"source": "numpy-financial 1.0.0 npf.pmt / npf.ipmt (rate = APR/1200), scripts/loan-vectors.py",
       "vectors": out}
with open("app/tests/fixtures/loan_vectors.json", "w") as f:
    json.dump(doc, f, indent=1)
print(len(out), "vectors")
