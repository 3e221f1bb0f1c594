"""Quality-estimation models: COMET scoring with its cache, the house n-gram LM, post-edit distance; model findings.

torch and comet are imported only inside `comet_backend`, and only when a QE model is asked for.
"""
