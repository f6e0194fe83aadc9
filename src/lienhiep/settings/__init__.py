"""Settings: ``base`` reads the environment (see .env.example); ``test`` is the suite's."""
