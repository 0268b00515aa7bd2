package dev.auditweave.bench.tx;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * A Spring transaction manager with no resource behind it: begin, commit and rollback do nothing, while Spring's
 * own machinery (transaction synchronisation, status, propagation) runs in full. So a benchmark measures what
 * auditweave adds to a transaction, not a database.
 */
final class NoResourceTransactionManager extends AbstractPlatformTransactionManager {

    @Override
    protected Object doGetTransaction() {
        return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
    }
}
