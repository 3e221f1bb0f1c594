"""Quality estimation: aligned source/target input, COMET models, a house n-gram LM, post-edit distance.

torch and comet are imported only inside `comet_backend`, and only when a QE model is asked for.
"""
