"""coursekit: the tools that build, translate and check the course (not imported by learners)."""
