package com.videoapi.portal.security.monitoring;

import jakarta.enterprise.concurrent.ManagedExecutorService;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.ExecutorService;

/** A server's managed executor, for unit tests: the {@link ExecutorService} part over a plain one. */
final class ManagedExecutors {

    private ManagedExecutors() {
    }

    static ManagedExecutorService over(ExecutorService executor) {
        return (ManagedExecutorService) Proxy.newProxyInstance(ManagedExecutors.class.getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
                    Method plain = ExecutorService.class.getMethod(method.getName(), method.getParameterTypes());
                    try {
                        return plain.invoke(executor, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
