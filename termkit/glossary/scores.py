"""The score of each kind of lookup match (0–100): what :mod:`.index` and :mod:`.readings` offer."""

SCORES = {
    "exact": 100.0,
    "variant_exact": 98.0,
    "normalized": 96.0,
    "variant_normalized": 94.0,
    "pinyin": 92.0,
    "pinyin_near": 86.0,
    "pinyin_other_tones": 88.0,
    "fuzzy_weight": 0.9,
}
