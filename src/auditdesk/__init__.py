"""AuditDesk: monitoring and measuring customer-service standards in a public office."""

import warnings

__version__ = "0.1.0"

# cryptography 51 deprecates DSA and warns as soon as pyHanko (0.38) imports its DSA key class,
# i.e. in every command that signs or verifies a protocol. AuditDesk makes no DSA keys and refuses
# them for signing (reports.signing names the key kinds it takes), so the warning tells a user
# nothing and would be printed above every verdict: it is silenced here, where every process of
# the application (the window, a command, a drawing worker) starts. Other warnings stay.
warnings.filterwarnings("ignore", message="DSA is deprecated")
