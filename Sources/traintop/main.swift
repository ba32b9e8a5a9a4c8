import Training
print("traintop: not wired yet")
