package io.pitwall.app.engine;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * Makes a service that one source plugin shares with others (the gtgridstats catalog the GT profile
 * source names cars with) safe to call from another plugin's polling verticle: each call runs on
 * the owner's context, where the owner's clients and budgets live, and its result comes back on the
 * caller's context. A message, not a lock: the owner's state is only ever touched by its own
 * verticle. The service must be an interface whose methods return Vert.x {@link Future}s (others
 * are called directly).
 */
final class SharedServices {

  private SharedServices() {}

  /**
   * The service as another plugin sees it.
   *
   * @param owner the owner verticle's context (null before it is deployed: calls go directly)
   */
  static <T> T bridge(Class<T> type, T service, Supplier<Context> owner) {
    if (!type.isInterface()) {
      return service;
    }
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return invoke(service, method, args);
              }
              Context home = owner.get();
              Context caller = Vertx.currentContext();
              if (home == null
                  || (caller != null && root(home) == root(caller))
                  || !Future.class.isAssignableFrom(method.getReturnType())) {
                return invoke(service, method, args);
              }
              Promise<Object> answer = Promise.promise();
              home.runOnContext(
                  v -> {
                    Future<?> result;
                    try {
                      result = (Future<?>) invoke(service, method, args);
                    } catch (Throwable e) {
                      result = Future.failedFuture(e);
                    }
                    result.onComplete(
                        ar -> {
                          if (caller == null) {
                            answer.handle(ar.map(x -> (Object) x));
                          } else {
                            caller.runOnContext(x -> answer.handle(ar.map(y -> (Object) y)));
                          }
                        });
                  });
              return answer.future();
            }));
  }

  /** A context itself, not one of the duplicates Vert.x runs event-bus handlers on. */
  static Context root(Context context) {
    return ((io.vertx.core.internal.ContextInternal) context).unwrap();
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
