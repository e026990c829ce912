//! Work spread over frames: a count of steps that grows by one after each
//! painted frame, so that a long list or a long text is rendered a part at
//! a time once the app is live.

use yew::prelude::*;

use crate::dom;

/// The steps done so far, out of `steps`: while `go`, one more after each
/// painted frame; `all` takes it to `steps` at once (and it stays there).
#[hook]
pub fn use_frame_steps(go: bool, all: bool, steps: usize) -> usize {
    let done = use_state(|| 0usize);
    {
        let done = done.clone();
        use_effect_with((*done, steps, go, all), move |&(n, steps, go, all)| {
            if n < steps {
                if all {
                    done.set(steps);
                } else if go {
                    dom::after_paint(move || done.set(n + 1));
                }
            }
        });
    }
    if all {
        steps
    } else {
        *done
    }
}
