#!/usr/bin/env bash
# A throwaway CIP-30 wallet for trying the service from a shell (org.biodid.wallet.DevWallet). Its key is public:
# never use it for anything of value. BIODID_DEV_WALLET_SEED (64 hex digits) picks another key.
#   etc/scripts/dev-wallet.sh address [--mainnet]     the wallet's enterprise address
#   etc/scripts/dev-wallet.sh sign < challenge.json   the wallet_signature for a challenge of POST /api/v1/wallet/challenges
set -euo pipefail
cd "$(dirname "$0")/../.."
. etc/scripts/java-home.sh
[ -f service/target/biodid-service.jar ] || mvn -B -q -DskipTests package -pl service -am >&2
exec java -cp "service/target/biodid-service.jar:service/target/libs/*" org.biodid.wallet.DevWallet "$@"
