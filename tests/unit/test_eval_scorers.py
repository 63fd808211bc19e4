"""The scorers: pure, and each one can report failure."""

from evals import scorers


def test_retrieval_hit_and_miss():
    got = [("A", "Q1"), ("B", "Question 2"), ("C", "3")]
    ok = scorers.retrieval_scores([("B", "Q2")], got, k=5)
    assert ok["passed"] and ok["recall"] == 1.0 and ok["rr"] == 0.5
    miss = scorers.retrieval_scores([("C", "3")], got, k=2)
    assert not miss["passed"] and miss["recall"] == 0.0 and miss["rr"] == 1 / 3
    half = scorers.retrieval_scores([("A", "1"), ("Z", "1")], got, k=5)
    assert not half["passed"] and half["recall"] == 0.5


def test_treatments_exemptions_pointers():
    assert scorers.treatment_correct(["withheld"], ["withheld"])
    assert not scorers.treatment_correct(["withheld"], ["withheld", "disclosed"])
    ex = scorers.exemption_scores(["s31(1)(a)", "s31(1)(b)"], ["s31(1)(a)", "s43(2)"])
    assert ex["tp"] == 1 and ex["fp"] == 1 and ex["fn"] == 1 and ex["precision"] == 0.5
    assert scorers.exemption_scores([], [])["f1"] == 1.0
    assert scorers.exemption_scores([], ["s40(2)"])["precision"] == 0.0
    pt = scorers.pointer_scores(["LFR Deployment Grid"], ["the LFR deployment grid.pdf"])
    assert pt["recall"] == 1.0 and pt["precision"] == 1.0
    bad = scorers.pointer_scores(["LFR Deployment Grid"], ["Stop and Search Dashboard"])
    assert bad["recall"] == 0.0 and bad["fp"] == 1


def test_answer_scores_fail_on_any_difference():
    exp = {"treatments": ["withheld"], "exemptions": ["s31(1)(a)"], "pointers": []}
    assert scorers.answer_scores(exp, dict(exp))["passed"]
    assert not scorers.answer_scores(exp, {**exp, "exemptions": []})["passed"]
    assert not scorers.answer_scores(exp, {**exp, "treatments": ["disclosed"]})["passed"]
    assert not scorers.answer_scores(exp, {**exp, "pointers": ["Some Report"]})["passed"]


def test_invented_pointers():
    known = {"lfr deployment grid", "stop and search dashboard"}
    assert scorers.invented_pointers(["LFR Deployment Grid"], known) == []
    assert scorers.invented_pointers(["Secret Drone Register"], known) == ["Secret Drone Register"]


def test_flag_scores():
    expected = [("Q2", ["treatment_divergence", "pointer_dropped"])]
    assert scorers.flag_scores(expected, [("Question 2", "pointer_dropped")])["passed"]
    missed = scorers.flag_scores(expected, [("Q1", "treatment_divergence")])
    assert not missed["passed"] and missed["fn"] == 1 and missed["fp"] == 1
    wrong_kind = scorers.flag_scores(expected, [("Q2", "ncnd_divergence")])
    assert not wrong_kind["passed"] and wrong_kind["tp"] == 0
    sound = scorers.flag_scores([], [])
    assert sound["passed"]
    noisy = scorers.flag_scores([], [("1", "treatment_divergence"), ("1", "pointer_dropped")])
    assert not noisy["passed"] and noisy["fp"] == 1


def test_regression():
    assert scorers.regression(0.9, 0.85, 0.02)
    assert not scorers.regression(0.9, 0.89, 0.02)
    assert not scorers.regression(0.9, 0.95, 0.02)
    assert scorers.regression(1.0, 2.0, 0.5, higher_is_better=False)
    assert not scorers.regression(None, 0.5, 0.02)


def test_a_rates_interval_holds_it_and_narrows_with_more_cases():
    from evals.scorers import margin, ratio_interval

    few = [(1, 2), (2, 2), (0, 2), (1, 2)] * 5  # 20 letters, 20 of 40 questions
    many = few * 20  # the same rate on 400 letters
    low, high = ratio_interval(few)
    assert low < 0.5 < high
    assert margin(ratio_interval(many)) < margin((low, high)) / 3
    assert ratio_interval(few) == ratio_interval(few)  # deterministic
    assert ratio_interval([]) is None and ratio_interval([(0, 0), (0, 0)]) is None
    assert ratio_interval([(3, 3)] * 10) == (1.0, 1.0)  # every resample the same: no width


def test_a_change_is_told_from_chance_only_when_the_cases_show_it():
    from evals.scorers import paired_delta_interval

    same = [(1, 2, 1, 2)] * 50
    assert paired_delta_interval(same) == (0.0, 0.0)
    # one question gained in each of 40 letters of 50: a change the letters cannot have made by chance
    gained = [(1, 2, 2, 2)] * 40 + [(1, 2, 1, 2)] * 10
    low, high = paired_delta_interval(gained)
    assert 0 < low < 0.4 < high
    # one gained and one lost, in two letters of 50: within chance
    mixed = [(1, 2, 2, 2), (1, 2, 0, 2)] + [(1, 2, 1, 2)] * 48
    low, high = paired_delta_interval(mixed)
    assert low < 0 < high
