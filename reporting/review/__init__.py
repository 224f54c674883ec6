def __getattr__(name):
    # `from reporting.review import review_blockers` (reporting/publication/apps.py) without
    # importing models while the app registry loads this package.
    if name == "review_blockers":
        from reporting.review.blockers import review_blockers

        return review_blockers
    raise AttributeError(name)
