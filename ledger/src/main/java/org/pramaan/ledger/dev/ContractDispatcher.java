package org.pramaan.ledger.dev;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.pramaan.ledger.LedgerErrorCode;
import org.pramaan.ledger.LedgerException;

/**
 * Calls the contract's transactions by their Fabric names, as the shim's router would: string
 * arguments, before/after hooks, and a refusal's payload kept as its error code.
 */
final class ContractDispatcher {

    private final ContractInterface contract;
    private final Map<String, Method> transactions = new HashMap<>();

    ContractDispatcher(ContractInterface contract) {
        this.contract = contract;
        for (Method method : contract.getClass().getMethods()) {
            Transaction transaction = method.getAnnotation(Transaction.class);
            if (transaction == null || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String name = transaction.name().isEmpty() ? method.getName() : transaction.name();
            for (Class<?> parameter : method.getParameterTypes()) {
                if (parameter != Context.class && parameter != String.class) {
                    throw new IllegalArgumentException("DevLedger passes string arguments only; " + name
                            + " takes a " + parameter.getSimpleName());
                }
            }
            transactions.put(name, method);
        }
    }

    /** Runs {@code function} and returns its answer as UTF-8 bytes. */
    byte[] invoke(String function, Context context, List<String> arguments, String txId) {
        Method method = transactions.get(function);
        if (method == null) {
            contract.unknownTransaction(context);
            throw new LedgerException(LedgerErrorCode.INVALID_ARGUMENT, txId, "the contract has no transaction " + function);
        }
        int expected = method.getParameterCount() - 1;
        if (arguments.size() != expected) {
            throw new LedgerException(LedgerErrorCode.INVALID_ARGUMENT, txId,
                    function + " takes " + expected + " arguments, got " + arguments.size());
        }
        Object[] values = new Object[method.getParameterCount()];
        values[0] = context;
        for (int i = 0; i < arguments.size(); i++) {
            values[i + 1] = arguments.get(i);
        }
        try {
            contract.beforeTransaction(context);
            Object result = method.invoke(contract, values);
            contract.afterTransaction(context, result);
            return result == null ? new byte[0] : result.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (InvocationTargetException e) {
            throw refusal(e.getCause(), txId, function);
        } catch (ChaincodeException e) {
            throw refusal(e, txId, function);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("transaction " + function + " is not accessible", e);
        }
    }

    private static LedgerException refusal(Throwable cause, String txId, String function) {
        if (cause instanceof ChaincodeException refused) {
            byte[] payload = refused.getPayload();
            String code = payload == null ? "" : new String(payload, java.nio.charset.StandardCharsets.UTF_8);
            return LedgerException.fromContract(code, txId, refused.getMessage());
        }
        return new LedgerException(LedgerErrorCode.CONTRACT_FAILURE, txId,
                function + " failed inside the contract: " + cause, cause);
    }
}
