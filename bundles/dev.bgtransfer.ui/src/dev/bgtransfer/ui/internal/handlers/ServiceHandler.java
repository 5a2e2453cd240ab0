package dev.bgtransfer.ui.internal.handlers;

import java.util.function.Consumer;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;

import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.ui.internal.TransferCalls;

/** A handler that makes one call on the workbench's transfers: Start All, Stop All. */
abstract class ServiceHandler extends AbstractHandler {
    private final String name;
    private final Consumer<TransferService> call;

    ServiceHandler(String name, Consumer<TransferService> call) {
        this.name = name;
        this.call = call;
    }

    @Override
    public Object execute(ExecutionEvent event) {
        TransferCalls.run(name, call);
        return null;
    }
}
