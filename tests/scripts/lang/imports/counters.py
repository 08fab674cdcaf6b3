count = 0
history = []


def bump(by=1):
    global count
    count += by
    history.append(count)
    return count


def reset():
    global count
    count = 0
