import Training
print("bench: not written yet")
